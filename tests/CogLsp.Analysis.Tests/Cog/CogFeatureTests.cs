using System.Collections.Immutable;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.CompatGen;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.Cog;

/// <summary>The Cog analyzers, hover and inlay hints, driven through a fake config provider.</summary>
public sealed class CogFeatureTests
{
    private sealed class FakeProvider(CogBuildConfig config) : ICogConfigProvider
    {
        public CogBuildConfig? FindConfigFor(WorkspaceSnapshot workspace, Document requirementsDocument) => config;

        public CogBuildConfig? ReadConfig(WorkspaceSnapshot workspace, Document cogYamlDocument) => config;
    }

    private static (WorkspaceSnapshot Workspace, Document Document, ICogConfigProvider Provider) Setup(string requirements, bool gpu, string? cuda = null)
    {
        var workspace = new TestWorkspace().With("/p/requirements.txt", requirements).With("/p/cog.yaml", "build:\n  gpu: true\n").Snapshot();
        var config = new CogBuildConfig
        {
            CogYamlPath = "/p/cog.yaml", Gpu = gpu, PythonVersion = "3.10", Cuda = cuda, PythonRequirements = "requirements.txt",
            Spans = ImmutableDictionary<string, TextSpan>.Empty.Add("build.gpu", new TextSpan(15, 4)),
        };
        return (workspace, workspace.GetDocument("/p/requirements.txt", DocumentKind.Requirements)!, new FakeProvider(config));
    }

    /// <summary>Runs the requirements analyzer on a fixture whose [|spans|] mark where diagnostics are expected.</summary>
    private static void CheckDiagnostics(string fixture, bool gpu, params string[] ids)
    {
        var (text, expected, _) = Markup.Parse(fixture);
        var (workspace, document, provider) = Setup(text, gpu);
        var context = new AnalysisContext(workspace, document, default);
        new CogRequirementsAnalyzer(provider).Analyze(context);
        Assert.Equal(ids, context.Diagnostics.Select(d => d.Id).ToArray());
        Assert.Equal(expected, context.Diagnostics.Select(d => d.Span).ToList());
    }

    [Fact]
    public void Rewritten_pin_is_information() =>
        CheckDiagnostics("numpy==1.26.0\n[|torch==1.11.0|]\n", gpu: true, "REQ0500");

    [Fact]
    public void Dotted_name_carries_a_fix()
    {
        var (workspace, document, provider) = Setup("zope.interface==5.4.0\n", gpu: false);
        var context = new AnalysisContext(workspace, document, default);
        new CogRequirementsAnalyzer(provider).Analyze(context);
        var diagnostic = Assert.Single(context.Diagnostics);
        Assert.Equal("REQ0512", diagnostic.Id);
        Assert.Equal(new ReplacementData("zope-interface"), diagnostic.Data);
    }

    [Fact]
    public void Unpinned_torch_on_gpu_is_an_error() =>
        CheckDiagnostics("[|torch|]\n", gpu: true, "REQ0519");

    [Fact]
    public void Cog_yaml_shows_the_CUDA_choice()
    {
        var (workspace, _, provider) = Setup("torch==1.11.0\n", gpu: true);
        var yaml = workspace.GetDocument("/p/cog.yaml", DocumentKind.CogYaml)!;
        var context = new AnalysisContext(workspace, yaml, default);
        new CogYamlResolutionAnalyzer(provider).Analyze(context);
        var diagnostic = Assert.Single(context.Diagnostics);
        Assert.Equal("COG0500", diagnostic.Id);
        Assert.Equal("Cog builds with CUDA 11.3 (chosen from the torch pin) and cuDNN 8 on nvidia/cuda:11.3.1-cudnn8-devel-ubuntu20.04.", diagnostic.Message);
    }

    [Fact]
    public void Hover_shows_the_build()
    {
        var (workspace, document, provider) = Setup("torch==1.11.0\n", gpu: true);
        var hover = new CogRequirementHoverProvider(provider).GetHover(new FeatureContext(workspace, document, default), 3)!;
        Assert.Contains("`1.11.0+cu113`", hover.Markdown, StringComparison.Ordinal);
        Assert.Contains("https://download.pytorch.org/whl/cu113/", hover.Markdown, StringComparison.Ordinal);
        Assert.Contains("`cp310`", hover.Markdown, StringComparison.Ordinal);
        Assert.Contains("torch-1.11.0%2Bcu113-cp310-cp310-linux_x86_64.whl", hover.Markdown, StringComparison.Ordinal);
        Assert.Contains("6110c912", hover.Markdown, StringComparison.Ordinal);
        Assert.Equal(new TextSpan(0, 13), hover.Span);
    }

    [Fact]
    public void Inlay_hint_after_a_rewritten_pin()
    {
        var (workspace, document, provider) = Setup("numpy==1.0\ntorch==1.11.0\n", gpu: true);
        var hint = Assert.Single(new CogRequirementInlayHintProvider(provider).GetInlayHints(new FeatureContext(workspace, document, default), new TextSpan(0, document.Text.Length)));
        Assert.Equal("→ 1.11.0+cu113", hint.Label);
        Assert.Equal(24, hint.Offset);
        var off = workspace.WithOptions(AnalysisOptions.Default with { InlayHints = false });
        Assert.Empty(new CogRequirementInlayHintProvider(provider).GetInlayHints(new FeatureContext(off, document, default), new TextSpan(0, document.Text.Length)));
    }

    [Fact]
    public void Resolve_report_json_and_exit_code()
    {
        var ok = CogResolver.Resolve(new CogBuildConfig { CogYamlPath = "/p/cog.yaml", Gpu = true, PythonVersion = "3.10", PythonRequirements = "r.txt" }, "torch==1.11.0");
        var (json, code) = ResolveReport.RenderJson(ok);
        Assert.Equal(0, code);
        Assert.Contains("\"requirements\": [\n    \"--extra-index-url https://download.pytorch.org/whl/cu113/\",\n    \"torch==1.11.0\"\n  ]", json, StringComparison.Ordinal);
        Assert.Contains("\"base_image\": \"nvidia/cuda:11.3.1-cudnn8-devel-ubuntu20.04\"", json, StringComparison.Ordinal);
        var failed = CogResolver.Resolve(new CogBuildConfig { CogYamlPath = "/p/cog.yaml", Gpu = true, PythonVersion = "3.10", PythonRequirements = "r.txt" }, "torch");
        var (_, stderr, exit) = ResolveReport.RenderText(failed);
        Assert.Equal(1, exit);
        Assert.Contains("error: torch version must be specified when using CUDA", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_tables_match_the_generator()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "CogLsp.sln")))
        {
            root = Path.GetDirectoryName(root);
        }

        var reference = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "reference", "cog-head"));
        if (reference is null || !File.Exists(Path.Combine(reference, "torch_compatibility.json")))
        {
            Console.WriteLine("SKIPPED Embedded_tables_match_the_generator: Cog's reference JSON not found at ../shared/reference/cog-head.");
            return;
        }

        var (commit, date) = CompatibilityTable.ReadProvenance(CompatibilityTable.EmbeddedText("torch.tsv"));
        Assert.Equal(CompatTsvWriter.Torch(File.ReadAllText(Path.Combine(reference, "torch_compatibility.json")), commit, date), CompatibilityTable.EmbeddedText("torch.tsv"));
        Assert.Equal(CompatTsvWriter.TensorFlow(File.ReadAllText(Path.Combine(reference, "tf_compatibility.json")), commit, date), CompatibilityTable.EmbeddedText("tensorflow.tsv"));
        Assert.Equal(CompatTsvWriter.CudaImages(File.ReadAllText(Path.Combine(reference, "cuda_compatibility.json")), commit, date), CompatibilityTable.EmbeddedText("cuda_images.tsv"));
    }
}
