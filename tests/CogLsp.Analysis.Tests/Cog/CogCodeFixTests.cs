using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Tests.Cog;

/// <summary>Fixes for Cog's resolution findings: the file before, the action's title, the file after.</summary>
public class CogCodeFixTests
{
    private const string GpuCogYaml = "build:\n  gpu: true\n  python_version: \"3.10\"\n  python_requirements: requirements.txt\n";

    private static WorkspaceSnapshot Project(string cogYaml, string requirements) =>
        new TestWorkspace().With("/p/cog.yaml", cogYaml).With("/p/requirements.txt", requirements).Snapshot();

    /// <summary>Applies the one action whose title starts with <paramref name="title"/> (for the diagnostic <paramref name="id"/>) and returns the edited file.</summary>
    private static string ApplyFix(string cogYaml, string requirements, string id, string title, string file = "/p/requirements.txt")
    {
        var workspace = Project(cogYaml, requirements);
        var services = LanguageServices.CreateDefault();
        var diagnostics = new DiagnosticService(services);
        var document = workspace.GetDocument(file, file.EndsWith(".yaml", StringComparison.Ordinal) ? DocumentKind.CogYaml : DocumentKind.Requirements)!;
        var diagnostic = Assert.Single(diagnostics.GetDiagnostics(workspace, document), d => d.Id == id);
        var actions = new CodeActionService(services, diagnostics).FixesFor(workspace, document, diagnostic, default).ToList();
        var action = Assert.Single(actions, a => a.Title.StartsWith(title, StringComparison.Ordinal));
        var edit = Assert.IsType<EditFileChange>(Assert.Single(action.ComputeEdit(default).Changes));
        Assert.Equal(document.Path, edit.Path);
        return document.Text.WithChanges(edit.Changes).Text;
    }

    private static IReadOnlyList<CodeActionItem> Fixes(string cogYaml, string requirements, string id)
    {
        var workspace = Project(cogYaml, requirements);
        var services = LanguageServices.CreateDefault();
        var diagnostics = new DiagnosticService(services);
        var document = workspace.GetDocument("/p/requirements.txt", DocumentKind.Requirements)!;
        return diagnostics.GetDiagnostics(workspace, document).Where(d => d.Id == id)
            .SelectMany(d => new CodeActionService(services, diagnostics).FixesFor(workspace, document, d, default)).ToList();
    }

    [Fact]
    public void A_rewritten_torch_pin_can_be_made_explicit_with_its_index_at_the_top()
    {
        var after = ApplyFix(GpuCogYaml, "numpy==1.26.4\ntorch==1.11.0\n", "REQ0500", "Pin torch==1.11.0+cu113 explicitly");
        Assert.Equal("--extra-index-url https://download.pytorch.org/whl/cu113/\nnumpy==1.26.4\ntorch==1.11.0+cu113\n", after);
    }

    [Fact]
    public void The_index_line_is_not_added_twice()
    {
        var after = ApplyFix(GpuCogYaml, "--extra-index-url https://download.pytorch.org/whl/cu113\ntorch==1.11.0\n", "REQ0500", "Pin torch==1.11.0+cu113 explicitly");
        Assert.Equal("--extra-index-url https://download.pytorch.org/whl/cu113\ntorch==1.11.0+cu113\n", after);
    }

    [Fact]
    public void A_dotted_name_is_rewritten_with_dashes()
    {
        var after = ApplyFix(GpuCogYaml, "torch==1.11.0\nzope.interface==5.4.0\n", "REQ0512", "Write `zope-interface`");
        Assert.Equal("torch==1.11.0\nzope-interface==5.4.0\n", after);
    }

    [Fact]
    public void A_spaced_torch_pin_is_closed_up_so_Cog_rewrites_it()
    {
        var after = ApplyFix(GpuCogYaml, "torch == 1.11.0\n", "REQ0523", "Write `torch==1.11.0`");
        Assert.Equal("torch==1.11.0\n", after);
    }

    [Fact]
    public void Cogs_cuda_suggestion_sets_build_cuda()
    {
        const string cogYaml = "build:\n  gpu: true\n  cuda: \"12.1\"\n  python_version: \"3.10\"\n  python_requirements: requirements.txt\n";
        var after = ApplyFix(cogYaml, "torch==1.11.0\n", "COG0501", "Set build.cuda to 11.3", "/p/cog.yaml");
        Assert.Equal(cogYaml.Replace("cuda: \"12.1\"", "cuda: \"11.3\"", StringComparison.Ordinal), after);
    }

    [Fact]
    public void No_fix_is_offered_on_a_plain_information_without_a_rewrite()
    {
        Assert.Empty(Fixes("build:\n  gpu: false\n  python_version: \"3.10\"\n  python_requirements: requirements.txt\n", "numpy==1.26.4\n", "REQ0500"));
    }
}
