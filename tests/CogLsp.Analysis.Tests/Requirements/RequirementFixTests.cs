using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Tests.Requirements;

/// <summary>Pin and duplicate fixes on requirements files, and version completion: input, offered titles, text after.</summary>
public class RequirementFixTests
{
    private const string GpuCogYaml = "build:\n  gpu: true\n  python_version: \"3.10\"\n  python_requirements: requirements.txt\n";

    private static (WorkspaceSnapshot Workspace, Document Document, LanguageServices Services, DiagnosticService Diagnostics) Project(string requirements, InMemoryFileSystem? files = null, string cogYaml = GpuCogYaml)
    {
        var workspace = new TestWorkspace { Disk = files ?? new() }.With("/p/cog.yaml", cogYaml).With("/p/requirements.txt", requirements).Snapshot();
        var services = LanguageServices.CreateDefault();
        return (workspace, workspace.GetDocument("/p/requirements.txt", DocumentKind.Requirements)!, services, new DiagnosticService(services));
    }

    private static List<CodeActionItem> Fixes(string requirements, string id, InMemoryFileSystem? files = null, string cogYaml = GpuCogYaml)
    {
        var (workspace, document, services, diagnostics) = Project(requirements, files, cogYaml);
        var service = new CodeActionService(services, diagnostics);
        return diagnostics.GetDiagnostics(workspace, document).Where(d => d.Id == id)
            .SelectMany(d => service.FixesFor(workspace, document, d, default)).ToList();
    }

    private static string Apply(string requirements, CodeActionItem action)
    {
        var edit = Assert.IsType<EditFileChange>(Assert.Single(action.ComputeEdit(default).Changes));
        return Syntax.Text.SourceText.From(requirements).WithChanges(edit.Changes).Text;
    }

    [Fact]
    public void A_range_is_pinned_to_the_version_installed_in_the_project_venv()
    {
        var venv = new InMemoryFileSystem().Add("/p/.venv/lib/python3.10/site-packages/numpy-1.26.4.dist-info/METADATA", "Name: numpy\nVersion: 1.26.4\n");
        var fix = Assert.Single(Fixes("numpy>=1.2,<2\n", "REQ0201", venv));
        Assert.Equal("Pin numpy==1.26.4 (installed in .venv)", fix.Title);
        Assert.Equal("numpy==1.26.4\n", Apply("numpy>=1.2,<2\n", fix));
    }

    [Fact]
    public void An_installed_version_outside_the_range_is_not_offered()
    {
        var venv = new InMemoryFileSystem().Add("/p/.venv/lib/python3.10/site-packages/numpy-2.1.0.dist-info/METADATA", "Name: numpy\nVersion: 2.1.0\n");
        Assert.Empty(Fixes("numpy>=1.2,<2\n", "REQ0201", venv));
    }

    [Fact]
    public void An_unpinned_name_gets_an_exact_pin_appended()
    {
        var venv = new InMemoryFileSystem().Add("/p/venv/lib/python3.10/site-packages/requests-2.32.3.dist-info/METADATA", "Name: requests\nVersion: 2.32.3\n");
        var fix = Assert.Single(Fixes("requests  # http\n", "REQ0201", venv));
        Assert.Equal("requests==2.32.3  # http\n", Apply("requests  # http\n", fix));
    }

    [Fact]
    public void A_torch_range_is_offered_the_newest_builds_Cogs_table_has_inside_the_range()
    {
        var fixes = Fixes("torch>=1.10,<1.12\n", "REQ0201");
        Assert.NotEmpty(fixes);
        Assert.All(fixes, f => Assert.Contains("in Cog's table for Python 3.10", f.Title, StringComparison.Ordinal));
        Assert.Equal("Pin torch==1.11.0 (in Cog's table for Python 3.10)", fixes[0].Title);
        Assert.DoesNotContain(fixes, f => f.Title.Contains("==1.12", StringComparison.Ordinal) || f.Title.Contains("==1.9", StringComparison.Ordinal));
    }

    [Fact]
    public void With_gpu_the_table_versions_are_those_built_for_the_CUDA_Cog_chose()
    {
        var fixes = Fixes("torch>=1.11,<1.13\n", "REQ0201");
        Assert.Equal(
            ["Pin torch==1.12.1 (in Cog's table for Python 3.10, CUDA 11.3)", "Pin torch==1.12.0 (in Cog's table for Python 3.10, CUDA 11.3)", "Pin torch==1.11.0 (in Cog's table for Python 3.10, CUDA 11.3)"],
            fixes.Select(f => f.Title));
    }

    [Fact]
    public void The_later_duplicate_line_is_removed_with_its_line_break()
    {
        const string text = "numpy==1.26.4\r\npillow==10.2.0\r\nNumPy==1.26.4\r\nscipy==1.11.0\r\n";
        var fix = Assert.Single(Fixes(text, "REQ0202"));
        Assert.Equal("numpy==1.26.4\r\npillow==10.2.0\r\nscipy==1.11.0\r\n", Apply(text, fix));
    }

    [Fact]
    public void Versions_after_torch_equals_come_from_Cogs_table_newest_first()
    {
        var (workspace, document, services, _) = Project("torch==\n");
        var items = services.CompletionProviders.Where(p => p.Kind == DocumentKind.Requirements)
            .SelectMany(p => p.GetCompletions(new FeatureContext(workspace, document, default), "torch==".Length)).ToList();
        var labels = items.Select(i => i.Label).ToList();
        Assert.Contains("1.11.0", labels);
        Assert.Contains("2.0.1", labels);
        Assert.True(labels.IndexOf("2.0.1") < labels.IndexOf("1.11.0"));
    }
}
