using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.Projects;

public sealed class CogProjectLocatorTests
{
    private static WorkspaceSnapshot Tree(params (string Path, string Text)[] files) =>
        new TestWorkspace { Roots = ["/w"] }.With(files).Snapshot();

    [Fact]
    public void Build_config_keeps_text_and_spans()
    {
        var text = "build:\n  python_version: 3.10\n  gpu: true\n  cuda: \"12.1\"\n  python_requirements: deps/req.txt\n  system_packages: [git]\n";
        var workspace = Tree(("/w/m/cog.yaml", text));
        var config = CogProjectLocator.GetBuildConfig(workspace, workspace.GetDocument("/w/m/cog.yaml")!)!;
        Assert.Equal("3.10", config.PythonVersion);
        Assert.True(config.Gpu);
        Assert.Equal("12.1", config.Cuda);
        Assert.Null(config.Cudnn);
        Assert.True(config.PythonPackages.IsDefault);
        Assert.Equal("/w/m/deps/req.txt", config.RequirementsPath);
        Assert.Equal(new[] { "git" }, config.SystemPackages.ToArray());
        var span = config.Spans["build.python_version"];
        Assert.Equal("3.10", text.Substring(span.Start, span.Length));
        Assert.False(config.Spans.ContainsKey("build.cudnn"));
        Assert.Same(config, CogProjectLocator.GetBuildConfig(workspace, workspace.GetDocument("/w/m/cog.yaml")!));
    }

    [Fact]
    public void Python_packages_are_listed_with_spans()
    {
        var text = "build:\n  python_packages:\n    - torch==2.3.1\n";
        var workspace = Tree(("/w/cog.yaml", text));
        var config = CogProjectLocator.GetBuildConfig(workspace, workspace.GetDocument("/w/cog.yaml")!)!;
        Assert.Equal(new[] { "torch==2.3.1" }, config.PythonPackages.ToArray());
        Assert.Equal("torch==2.3.1", text.Substring(config.PythonPackageSpans[0].Start, config.PythonPackageSpans[0].Length));
    }

    [Fact]
    public void Finds_cog_yaml_naming_the_file_directly_and_through_includes()
    {
        var workspace = Tree(
            ("/w/m/cog.yaml", "build:\n  python_requirements: reqs/main.txt\n"),
            ("/w/m/reqs/main.txt", "-r base.txt\n--constraint=../c.txt\nnumpy\n"),
            ("/w/m/reqs/base.txt", "-r main.txt\n"),
            ("/w/m/c.txt", ""),
            ("/w/m/other.txt", "x\n"));
        Assert.Equal(new[] { "/w/m/cog.yaml" }, CogProjectLocator.FindCogYamlsUsing(workspace, "/w/m/reqs/main.txt").ToArray());
        Assert.Equal(new[] { "/w/m/cog.yaml" }, CogProjectLocator.FindCogYamlsUsing(workspace, "/w/m/reqs/base.txt").ToArray());
        Assert.Equal(new[] { "/w/m/cog.yaml" }, CogProjectLocator.FindCogYamlsUsing(workspace, "/w/m/c.txt").ToArray());
        Assert.Empty(CogProjectLocator.FindCogYamlsUsing(workspace, "/w/m/other.txt"));
    }

    [Fact]
    public void Kind_of_a_file_named_by_cog_yaml_is_requirements()
    {
        var workspace = Tree(("/w/cog.yml", "build:\n  python_requirements: deps.lock\n"), ("/w/deps.lock", "numpy\n"), ("/w/notes.lock", ""));
        Assert.Equal(DocumentKind.Requirements, CogProjectLocator.KindOf(workspace, "/w/deps.lock"));
        Assert.Equal(DocumentKind.Unknown, CogProjectLocator.KindOf(workspace, "/w/notes.lock"));
        Assert.Equal(DocumentKind.CogYaml, CogProjectLocator.KindOf(workspace, "/w/cog.yml"));
    }

    [Fact]
    public void Open_unsaved_cog_yaml_wins_over_disk()
    {
        var workspace = Tree(("/w/cog.yaml", "build:\n  python_requirements: a.txt\n"), ("/w/a.txt", ""), ("/w/b.txt", ""));
        workspace = workspace.WithOpenDocument("/w/cog.yaml", SourceText.From("build:\n  python_requirements: b.txt\n"), 2);
        Assert.Empty(CogProjectLocator.FindCogYamlsUsing(workspace, "/w/a.txt"));
        Assert.Equal(new[] { "/w/cog.yaml" }, CogProjectLocator.FindCogYamlsUsing(workspace, "/w/b.txt").ToArray());
    }

    [Fact]
    public void Search_stops_at_the_workspace_root()
    {
        var workspace = Tree(("/cog.yaml", "build:\n  python_requirements: w/r.txt\n"), ("/w/r.txt", ""));
        Assert.Empty(CogProjectLocator.FindCogYamlsUsing(workspace, "/w/r.txt"));
    }

    [Fact]
    public void Only_the_include_pip_follows_on_a_line_joins_the_project()
    {
        var workspace = Tree(
            ("/w/cog.yaml", "build:\n  python_requirements: requirements.txt\n"),
            ("/w/requirements.txt", "-c c.txt -r a.txt -r b.txt\n-c d.txt -c e.txt\n"),
            ("/w/a.txt", ""), ("/w/b.txt", ""), ("/w/c.txt", ""), ("/w/d.txt", ""), ("/w/e.txt", ""));
        Assert.Equal(new[] { "/w/requirements.txt", "/w/a.txt", "/w/d.txt" }, CogProjectLocator.RequirementsClosure(workspace, "/w/cog.yaml").ToArray());
        Assert.Empty(CogProjectLocator.FindCogYamlsUsing(workspace, "/w/b.txt"));
        Assert.Empty(CogProjectLocator.FindCogYamlsUsing(workspace, "/w/c.txt"));
        Assert.Empty(CogProjectLocator.FindCogYamlsUsing(workspace, "/w/e.txt"));
    }
}
