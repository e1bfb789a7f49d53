using CogLsp.Analysis;
using CogLsp.Server.Cli;

namespace CogLsp.Server.Tests;

public class DocsTests
{
    [Fact]
    public void Docs_diagnostics_md_is_generated_from_the_current_rules()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CogLsp.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var onDisk = File.ReadAllText(Path.Combine(root.FullName, "docs", "diagnostics.md")).ReplaceLineEndings("\n");
        var generated = DocsGenerator.Generate(LanguageServices.CreateDefault()).ReplaceLineEndings("\n");
        Assert.True(onDisk == generated, "docs/diagnostics.md is stale: run `dotnet run --project server/CogLsp.Server -- docs > docs/diagnostics.md`");
    }

    [Fact]
    public void Every_rule_is_documented_with_examples_and_a_unique_id()
    {
        var all = LanguageServices.CreateDefault().AllDescriptors;
        Assert.Equal(all.Length, all.Select(d => d.Id).Distinct().Count());
        Assert.All(all, d =>
        {
            Assert.Matches("^(COG|REQ)[0-9]{4}$", d.Id);
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", d.Name);
            Assert.False(string.IsNullOrWhiteSpace(d.Explanation));
            Assert.False(string.IsNullOrWhiteSpace(d.BadExample));
            Assert.False(string.IsNullOrWhiteSpace(d.GoodExample));
            Assert.False(string.IsNullOrWhiteSpace(d.Fix));
        });
    }
}
