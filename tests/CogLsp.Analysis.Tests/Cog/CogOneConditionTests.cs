using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.Cog;

/// <summary>
/// One condition gives one diagnostic, under the rule that documents it, placed where the fix belongs;
/// the other place it concerns is its related information. Fixtures mark the expected span with [|…|].
/// </summary>
public sealed class CogOneConditionTests
{
    /// <summary>Every diagnostic of <paramref name="file"/> in a project of cog.yaml (+ requirements.txt when given).</summary>
    private static IReadOnlyList<Diagnostic> Diagnose(string cogYaml, string? requirements, string file)
    {
        var files = new InMemoryFileSystem().Add("/p/cog.yaml", cogYaml);
        if (requirements is not null)
        {
            files.Add("/p/requirements.txt", requirements);
        }

        var workspace = WorkspaceSnapshot.Create(files, ["/p"]);
        var document = workspace.GetDocument(file, file.EndsWith(".yaml", StringComparison.Ordinal) ? DocumentKind.CogYaml : DocumentKind.Requirements)!;
        return new DiagnosticService(LanguageServices.CreateDefault()).GetDiagnostics(workspace, document);
    }

    private static (string Text, TextSpan Span) Marked(string fixture)
    {
        var start = fixture.IndexOf("[|", StringComparison.Ordinal);
        var end = fixture.IndexOf("|]", StringComparison.Ordinal);
        return (fixture.Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal), TextSpan.FromBounds(start, end - 2));
    }

    [Fact]
    public void A_cog_line_in_the_requirements_is_reported_as_managed_package_dropped()
    {
        var (requirements, span) = Marked("numpy==1.26.4\n[|cog==0.9.0|]\n");
        var diagnostics = Diagnose("build:\n  python_version: \"3.10\"\n  python_requirements: requirements.txt\n", requirements, "/p/requirements.txt");
        var dropped = Assert.Single(diagnostics, d => d.Span == span);
        Assert.Equal("REQ0517", dropped.Id);
        Assert.Equal("managed-package-dropped", dropped.Descriptor.Name);
        // Cog's own warning, quoted so users can search for it.
        Assert.Equal("Cog: 'cog==0.9.0' found in requirements — overriding with latest cog from PyPI. Remove it from requirements and use build.sdk_version in cog.yaml or COG_SDK_WHEEL to control the version.", dropped.Message);
    }

    [Fact]
    public void A_bare_coglet_line_in_the_requirements_is_only_managed_package_dropped()
    {
        // Cog removes the line before pip reads it, so it is not also "not pinned" for pip.
        var (requirements, span) = Marked("numpy==1.26.4\n[|coglet|]\n");
        var diagnostics = Diagnose("build:\n  python_version: \"3.10\"\n  python_requirements: requirements.txt\n", requirements, "/p/requirements.txt");
        var dropped = Assert.Single(diagnostics, d => d.Span == span);
        Assert.Equal("REQ0517", dropped.Id);
    }

    [Fact]
    public void A_coglet_entry_in_python_packages_is_reported_as_managed_package_dropped()
    {
        var (cogYaml, span) = Marked("build:\n  python_version: \"3.10\"\n  python_packages:\n    - [|coglet|]\n");
        var diagnostics = Diagnose(cogYaml, null, "/p/cog.yaml");
        var dropped = Assert.Single(diagnostics, d => d.Span == span);
        Assert.Equal("COG0617", dropped.Id);
        Assert.Contains("COGLET_WHEEL", dropped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cuda_without_gpu_is_one_diagnostic_on_the_cuda_key_pointing_at_the_gpu_value()
    {
        var (cogYaml, span) = Marked("build:\n  gpu: false\n  python_version: \"3.10\"\n  [|cuda|]: \"12.1\"\n");
        var diagnostics = Diagnose(cogYaml, null, "/p/cog.yaml");
        var ignored = Assert.Single(diagnostics, d => d.Descriptor.Name == "cuda-without-gpu");
        Assert.Equal("COG0208", ignored.Id);
        Assert.Equal(span, ignored.Span);
        var related = Assert.Single(ignored.Related);
        Assert.Equal(new TextSpan(cogYaml.IndexOf("false", StringComparison.Ordinal), 5), related.Span);
    }

    [Fact]
    public void An_unpinned_torch_in_python_packages_with_gpu_is_one_error_on_the_entry_pointing_at_the_gpu_value()
    {
        var (cogYaml, span) = Marked("build:\n  gpu: true\n  python_version: \"3.10\"\n  python_packages:\n    - [|torch|]\n");
        var diagnostics = Diagnose(cogYaml, null, "/p/cog.yaml");
        var error = Assert.Single(diagnostics, d => d.Message.Contains("torch version must be specified", StringComparison.Ordinal));
        Assert.Equal("COG0619", error.Id);
        Assert.Equal(span, error.Span);
        var related = Assert.Single(error.Related);
        Assert.Equal(new TextSpan(cogYaml.IndexOf("true", StringComparison.Ordinal), 4), related.Span);
    }

    [Fact]
    public void A_malformed_cuda_is_reported_once_by_validation_whatever_words_it_holds()
    {
        // Cog's validation quotes the value in its error; the resolution rule must not read that text.
        var (cogYaml, span) = Marked("build:\n  gpu: true\n  python_version: \"3.10\"\n  cuda: [|\"incompatible\"|]\n");
        var diagnostics = Diagnose(cogYaml, null, "/p/cog.yaml");
        var malformed = Assert.Single(diagnostics, d => d.Span == span);
        Assert.Equal("COG0204", malformed.Id);
    }

    [Fact]
    public void Cogs_cuda_warning_and_its_suggestion_are_one_diagnostic_on_the_torch_line()
    {
        var (requirements, span) = Marked("numpy==1.26.4\n[|torch==1.11.0|]\n");
        var diagnostics = Diagnose("build:\n  gpu: true\n  cuda: \"12.1\"\n  python_version: \"3.10\"\n  python_requirements: requirements.txt\n", requirements, "/p/requirements.txt");
        var warning = Assert.Single(diagnostics, d => d.Id == "REQ0520");
        Assert.Equal(span, warning.Span);
        Assert.Equal("Cog: Cog doesn't know if CUDA 12.1 is compatible with PyTorch 1.11.0. This might cause CUDA problems. Try 11.3 instead?", warning.Message);
    }
}
