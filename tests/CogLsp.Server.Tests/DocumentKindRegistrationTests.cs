using System.Text.Json;
using System.Text.RegularExpressions;
using CogLsp.Analysis;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Handlers.Lifecycle;

namespace CogLsp.Server.Tests;

/// <summary>
/// A file kind is registered once (<see cref="DocumentKindRegistration"/>); what cannot be generated from
/// that registration — the ID family of each rule, the VS Code client's patterns — is checked against it here.
/// </summary>
public class DocumentKindRegistrationTests
{
    private static readonly string[] CogYamlGlobs = [.. DocumentKindRegistration.For(DocumentKind.CogYaml)!.FileGlobs];
    private static readonly string[] RequirementsGlobs = [.. DocumentKindRegistration.For(DocumentKind.Requirements)!.FileGlobs];

    [Theory]
    [InlineData("/p/cog.yaml", DocumentKind.CogYaml)]
    [InlineData("/p/COG.YML", DocumentKind.CogYaml)]
    [InlineData("/p/requirements.txt", DocumentKind.Requirements)]
    [InlineData("/p/requirements-dev.txt", DocumentKind.Requirements)]
    [InlineData("/p/Requirements/gpu.txt", DocumentKind.Requirements)]
    [InlineData("C:\\p\\constraints.txt", DocumentKind.Requirements)]
    [InlineData("/p/dev.in", DocumentKind.Requirements)]
    [InlineData("/p/.in", DocumentKind.Unknown)]
    [InlineData("/p/cog.yaml.bak", DocumentKind.Unknown)]
    [InlineData("/p/notes.txt", DocumentKind.Unknown)]
    [InlineData("/p/requirements/sub/x.txt", DocumentKind.Unknown)]
    public void Files_are_told_by_the_registered_globs(string path, DocumentKind kind) =>
        Assert.Equal(kind, DocumentClassifier.ClassifyByName(path));

    [Fact]
    public void The_server_watches_the_registered_globs() =>
        Assert.Equal(DocumentKindRegistration.All.SelectMany(r => r.FileGlobs), InitializedHandler.WatchedGlobs);

    [Fact]
    public void Every_rule_of_a_kind_has_the_kind_s_ID_prefix()
    {
        foreach (var analyzer in LanguageServices.CreateDefault().Analyzers)
        {
            var prefix = DocumentKindRegistration.For(analyzer.Kind)!.DiagnosticPrefix;
            Assert.All(analyzer.SupportedDiagnostics, d => Assert.StartsWith(prefix, d.Id, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_kind_reports_unknown_suppressions_in_its_own_ID_family()
    {
        foreach (var registration in DocumentKindRegistration.All)
        {
            Assert.StartsWith(registration.DiagnosticPrefix, GeneralDiagnostics.UnknownSuppressionFor(registration.Kind)!.Id, StringComparison.Ordinal);
        }

        Assert.Null(GeneralDiagnostics.UnknownSuppressionFor(DocumentKind.Unknown));
    }

    [Fact]
    public void The_VS_Code_client_uses_the_registered_globs()
    {
        var client = Path.Combine(RepositoryRoot(), "client-vscode");
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(client, "package.json")));
        var extension = File.ReadAllText(Path.Combine(client, "src", "extension.ts"));

        // Requirements files are the pip-requirements language; VS Code matches a pattern without '/' against
        // the file name, so the registered "**/" is left off there.
        var language = package.RootElement.GetProperty("contributes").GetProperty("languages").EnumerateArray()
            .Single(l => l.GetProperty("id").GetString() == "pip-requirements");
        Assert.Equal(
            RequirementsGlobs.Select(g => g[3..].Contains('/', StringComparison.Ordinal) ? g : g[3..]),
            language.GetProperty("filenamePatterns").EnumerateArray().Select(p => p.GetString()));

        // cog.yaml stays YAML: the extension starts where a cog.yaml is and selects it by pattern.
        var activation = package.RootElement.GetProperty("activationEvents").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(CogYamlGlobs, activation.Where(e => e.StartsWith("workspaceContains:", StringComparison.Ordinal)).Select(e => e["workspaceContains:".Length..]));
        Assert.Contains("onLanguage:pip-requirements", activation);

        var selector = Regex.Match(extension, @"DOCUMENT_SELECTOR = \[(.*?)\];", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(CogYamlGlobs, Regex.Matches(selector, @"language: 'yaml', pattern: '([^']*)'").Select(m => m.Groups[1].Value));
        Assert.Contains("language: 'pip-requirements'", selector, StringComparison.Ordinal);

        var watched = Regex.Match(extension, @"WATCHED_GLOBS = \[(.*?)\];", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(InitializedHandler.WatchedGlobs, Regex.Matches(watched, "'([^']*)'").Select(m => m.Groups[1].Value));
    }

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CogLsp.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        return root.FullName;
    }
}
