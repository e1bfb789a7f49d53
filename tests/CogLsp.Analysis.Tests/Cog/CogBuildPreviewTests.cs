using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.Cog;

/// <summary>The build preview: the code lens's one line, and the preview document the cogLsp.preview command returns.</summary>
public sealed class CogBuildPreviewTests
{
    private static WorkspaceSnapshot Project(string cogYaml, string? requirements = null)
    {
        var workspace = new TestWorkspace().With(TestWorkspace.CogYamlPath, cogYaml);
        return (requirements is null ? workspace : workspace.With(TestWorkspace.RequirementsPath, requirements)).Snapshot();
    }

    /// <summary>The lenses of one file of the project, as (span, title, cog.yaml path).</summary>
    private static List<CodeLensItem> Lenses(WorkspaceSnapshot workspace, string path, DocumentKind kind)
    {
        var document = workspace.GetDocument(path, kind)!;
        return LanguageServices.CreateDefault().CodeLensProviders.Where(p => p.Kind == kind)
            .SelectMany(p => p.GetCodeLenses(new FeatureContext(workspace, document, default))).ToList();
    }

    /// <summary>Checks the lens above requirements.txt and the one on cog.yaml's [|build|] key: same title, both open /p/cog.yaml.</summary>
    private static void CheckLens(string cogYamlFixture, string requirements, string expectedTitle)
    {
        var (cogYaml, spans, _) = Markup.Parse(cogYamlFixture);
        var workspace = Project(cogYaml, requirements);
        var onRequirements = Assert.Single(Lenses(workspace, TestWorkspace.RequirementsPath, DocumentKind.Requirements));
        Assert.Equal(new CodeLensItem(new TextSpan(0, 0), expectedTitle, TestWorkspace.CogYamlPath), onRequirements);
        var onCogYaml = Assert.Single(Lenses(workspace, TestWorkspace.CogYamlPath, DocumentKind.CogYaml));
        Assert.Equal(new CodeLensItem(Assert.Single(spans), expectedTitle, TestWorkspace.CogYamlPath), onCogYaml);
    }

    [Fact]
    public void Lens_on_a_GPU_build_names_Python_CUDA_cuDNN_the_packages_and_the_image() =>
        CheckLens(
            "[|build|]:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n",
            "torch==2.1.0\nnumpy==1.26.4\n",
            "Cog: Python 3.11 · CUDA 12.1 · cuDNN 8 · 2 packages · nvidia/cuda:12.1.1-cudnn8-devel-ubuntu22.04");

    [Fact]
    public void Lens_on_a_CPU_build_has_no_CUDA_parts() =>
        CheckLens(
            "[|build|]:\n  python_version: \"3.12\"\n  python_requirements: requirements.txt\n",
            "numpy==1.26.4\n",
            "Cog: Python 3.12 · 1 package · python:3.12-slim");

    [Fact]
    public void Lens_says_the_build_fails_and_why() =>
        CheckLens(
            "[|build|]:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n",
            "torch\n",
            "Cog: the build fails: torch version must be specified when using CUDA");

    [Fact]
    public void No_lens_on_a_requirements_file_no_cog_yaml_names_nor_on_a_cog_yaml_without_build()
    {
        var workspace = new TestWorkspace().With("/p/cog.yaml", "run: \"predict.py:Predictor\"\n").With("/p/requirements.txt", "numpy==1.26.4\n").Snapshot();
        Assert.Empty(Lenses(workspace, "/p/requirements.txt", DocumentKind.Requirements));
        Assert.Empty(Lenses(workspace, "/p/cog.yaml", DocumentKind.CogYaml));
    }

    [Fact]
    public void Preview_of_a_torch_project()
    {
        var workspace = Project(
            "build:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n  system_packages: [ffmpeg]\n"
            + "  run:\n    - curl -o /w https://example.com/w\n    - command: pip install private\n      mounts:\n        - type: secret\n          id: token\n          target: /etc/token\n"
            + "  pre_install:\n    - echo late\n",
            "torch==2.1.0\ncog==0.9.0\nnumpy==1.26.4  # arrays\n");
        var preview = CogBuildPreview.Preview(workspace, workspace.GetDocument(TestWorkspace.CogYamlPath)!);
        Assert.Equal(
            """
            # Cog build preview: cog.yaml

            What `cog build` would make of `/p/cog.yaml` and `requirements.txt`, predicted with the rules of Cog COMMIT (tables of DATE). Nothing is built or downloaded.

            ## The requirements.txt Cog generates

            Index options first, then the packages, with Cog's rewrites applied: the file `cog-lsp resolve` prints.

            ```text
            --extra-index-url https://download.pytorch.org/whl/cu121/
            torch==2.1.0
            numpy==1.26.4
            ```

            The lines Cog dropped or changed, and why:

            ```text
            # line 1: torch==2.1.0
            #   kept, with `--extra-index-url https://download.pytorch.org/whl/cu121/` at the top; pip installs torch 2.1.0+cu121 (gpu: true, CUDA 12.1 chosen from the torch pin)
            # line 2: cog==0.9.0
            #   dropped (Cog installs cog and coglet itself and removes them from your requirements)
            ```

            ## Image

            - Python: 3.11
            - GPU: yes
            - CUDA: 12.1 (chosen from the torch pin)
            - cuDNN: 8
            - Base image: `nvidia/cuda:12.1.1-cudnn8-devel-ubuntu22.04`
            - Cog's pre-built base: `r8.im/cog-base:cuda12.1-python3.11-torch2.1.0` (Cog starts from it instead when its registry has it)

            ## Cog's warnings

            - 'cog==0.9.0' found in requirements — overriding with latest cog from PyPI. Remove it from requirements and use build.sdk_version in cog.yaml or COG_SDK_WHEEL to control the version.

            ## Dockerfile steps Cog adds

            1. Start from `r8.im/cog-base:cuda12.1-python3.11-torch2.1.0` when Cog's registry has it (Python and uv are already there), else from `nvidia/cuda:12.1.1-cudnn8-devel-ubuntu22.04`.
            2. Cog's own setup: environment variables for Python output and the NVIDIA libraries, and tini as the container's init process.
            3. Install the system packages with apt: `apt-get install -qqy ffmpeg`.
            4. Install Python 3.11 with uv on the CUDA image: `uv python install 3.11`, linked as python3 and python.
            5. Copy the generated requirements.txt to `/tmp/requirements.txt` and install its 2 packages: `uv run pip install --cache-dir /root/.cache/pip -r /tmp/requirements.txt`.
            6. Install Cog's Python SDK, the newest release (Cog removed any cog or coglet lines from your requirements for it).
            7. Refresh the dynamic linker's cache for the Python libraries (`ldconfig`).
            8. Run `curl -o /w https://example.com/w` (build.run).
            9. Run `pip install private`, with the secret `token` mounted at `/etc/token` (build.run).
            10. Run `echo late` (build.pre_install, deprecated: Cog runs it after build.run).

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            Provenance(preview));
    }

    [Fact]
    public void Preview_of_a_failing_build_says_why_and_lists_no_steps()
    {
        var workspace = Project("build:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n", "torch\n");
        var preview = CogBuildPreview.Preview(workspace, workspace.GetDocument(TestWorkspace.CogYamlPath)!);
        Assert.Contains("**The build fails.** Cog stops with:\n\n```text\ntorch version must be specified when using CUDA\n```\n", preview, StringComparison.Ordinal);
        Assert.EndsWith("## Dockerfile steps Cog adds\n\nNone: the build stops before Cog writes a Dockerfile.\n", preview, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_command_with_a_line_break_stops_the_steps_there()
    {
        var workspace = Project("build:\n  python_version: \"3.12\"\n  run:\n    - echo one\n    - |\n      echo two\n      echo three\n    - echo four\n");
        var preview = CogBuildPreview.Preview(workspace, workspace.GetDocument(TestWorkspace.CogYamlPath)!);
        Assert.Contains("Run `echo one` (build.run).\n\nCog's generator stops at the command `echo two …`: a run command must be one line (each command its own list item).\n", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("echo four", preview, StringComparison.Ordinal);
    }

    [Fact]
    public void A_requirements_file_leads_to_the_cog_yaml_that_names_it_and_a_cog_yaml_that_is_not_a_mapping_says_so()
    {
        var workspace = Project("- build\n", "numpy==1.26.4\n");
        var requirements = workspace.GetDocument(TestWorkspace.RequirementsPath, DocumentKind.Requirements)!;
        Assert.Null(CogBuildPreview.FindCogYaml(workspace, requirements));
        var cogYaml = workspace.GetDocument(TestWorkspace.CogYamlPath)!;
        Assert.Equal("# Cog build preview: cog.yaml\n\n**The build fails.** `/p/cog.yaml` cannot be read as a mapping, so Cog stops before it resolves anything.\n", CogBuildPreview.Preview(workspace, cogYaml));

        var named = Project("build:\n  python_version: \"3.12\"\n  python_requirements: requirements.txt\n", "numpy==1.26.4\n");
        Assert.Equal(TestWorkspace.CogYamlPath, CogBuildPreview.FindCogYaml(named, named.GetDocument(TestWorkspace.RequirementsPath, DocumentKind.Requirements)!)?.Path);
    }

    /// <summary>The preview with the table's commit and date (which change when the tables are regenerated) replaced by COMMIT and DATE.</summary>
    private static string Provenance(string preview)
    {
        var (commit, date) = CompatibilityTable.ReadProvenance(CompatibilityTable.EmbeddedText("torch.tsv"));
        return preview.Replace("Cog " + commit[..8], "Cog COMMIT", StringComparison.Ordinal).Replace("tables of " + date, "tables of DATE", StringComparison.Ordinal);
    }
}
