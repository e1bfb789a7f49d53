using System.Text;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Features;
using static CogLsp.Analysis.Tests.CogYaml.CogYamlFixture;

namespace CogLsp.Analysis.Tests.CogYaml;

public sealed class CogYamlFeatureTests
{
    private static FeatureContext Context(string text, params (string, string)[] files)
    {
        var (workspace, document) = Open(text, files);
        return new FeatureContext(workspace, document, CancellationToken.None);
    }

    private static void CheckHover(string marked, string expectedFragment)
    {
        var (text, spans, cursor) = Markup.Parse(marked);
        var hover = new CogYamlHoverProvider().GetHover(Context(text), cursor);
        Assert.NotNull(hover);
        Assert.Contains(expectedFragment, hover.Markdown, StringComparison.Ordinal);
        Assert.Equal(spans.Single(), hover.Span);
    }

    private static List<CompletionItem> CheckCompletion(string marked, string[] present, string[] absent, params (string, string)[] files)
    {
        var (text, _, cursor) = Markup.Parse(marked);
        var items = new CogYamlCompletionProvider().GetCompletions(Context(text, files), cursor).ToList();
        foreach (var label in present)
        {
            Assert.Contains(items, i => i.Label == label);
        }

        foreach (var label in absent)
        {
            Assert.DoesNotContain(items, i => i.Label == label);
        }

        return items;
    }

    [Theory]
    [InlineData("build:\n  [|pyth$0on_version|]: \"3.11\"\n", "build.python_version")]
    [InlineData("build:\n  python_version: [|\"3.1$01\"|]\n", "at least 3.10")]
    [InlineData("[|pre$0dict|]: predict.py:Predictor\n", "Deprecated")]
    [InlineData("build:\n  [|cu$0da|]: \"12.4\"\n", "12.4")]
    [InlineData("concurrency:\n  [|m$0ax|]: 2\n", "@cog.concurrent")]
    [InlineData("build:\n  run:\n    - [|com$0mand|]: ls\n", "shell command")]
    public void Hover_documents_keys(string marked, string fragment) => CheckHover(marked, fragment);

    [Fact]
    public void No_hover_on_unknown_key()
    {
        var (text, _, cursor) = Markup.Parse("bui$0ldx: 1\n");
        Assert.Null(new CogYamlHoverProvider().GetHover(Context(text), cursor));
    }

    [Fact]
    public void Top_level_key_completion() =>
        CheckCompletion("bu$0\n", ["build", "run", "predict", "environment"], ["gpu", "python_version"]);

    [Fact]
    public void Build_key_completion_offers_only_build_keys()
    {
        var items = CheckCompletion("build:\n  gpu: true\n  py$0\nrun: run.py:Runner\n", ["python_version", "python_requirements", "cuda"], ["run.py", "environment", "build"]);
        var packages = items.Single(i => i.Label == "python_packages");
        Assert.True(packages.Deprecated);
        Assert.Equal("python_version: \"${1:3.13}\"", items.Single(i => i.Label == "python_version").InsertText);
    }

    [Fact]
    public void Boolean_values() => CheckCompletion("build:\n  gpu: $0\n", ["true", "false"], ["3.13"]);

    [Fact]
    public void Python_versions_are_inserted_quoted()
    {
        var items = CheckCompletion("build:\n  python_version: $0\n", ["3.13", "3.10"], ["3.8"]);
        Assert.Equal("\"3.13\"", items.Single(i => i.Label == "3.13").InsertText);
    }

    [Fact]
    public void Cuda_values_come_from_the_base_image_list() => CheckCompletion("build:\n  cuda: $0\n", ["12.4", "11.8"], ["10.2"]);

    [Fact]
    public void Run_values_list_classes_next_to_cog_yaml() =>
        CheckCompletion("run: $0\n", ["predict.py:Predictor"], [], ("/p/predict.py", "class Predictor:\n    pass\n"));

    [Fact]
    public void Outline_nests_keys()
    {
        var outline = new CogYamlOutlineProvider().GetOutline(Context("build:\n  gpu: true\n  system_packages:\n    - git\nrun: run.py:R\n")).ToList();
        Assert.Equal(["build", "run"], outline.Select(o => o.Name));
        Assert.Equal(["gpu", "system_packages"], outline[0].Children.Select(o => o.Name));
        Assert.Equal("git", outline[0].Children[1].Children.Single().Name);
        Assert.Equal("run.py:R", outline[1].Detail);
    }

    [Fact]
    public void Links_and_definitions()
    {
        var (text, spans, cursor) = Markup.Parse("build:\n  python_requirements: [|requirements.txt|]\nrun: \"[|run.p$0y:Runner|]\"\n");
        var context = Context(text, ("/p/requirements.txt", "numpy\n"), ("/p/run.py", "import x\n\nclass Runner:\n    pass\n"));
        var provider = new CogYamlLinkProvider();
        var links = provider.GetLinks(context).ToList();
        Assert.Equal(spans, links.Select(l => l.Span));
        Assert.Equal("/p/requirements.txt", links[0].TargetPath);
        var definition = Assert.Single(provider.GetDefinitions(context, cursor));
        Assert.Equal("/p/run.py", definition.Path);
        Assert.Equal("import x\n\nclass ".Length, definition.Span.Start);
    }

    [Fact]
    public void Folding_ranges_cover_sections()
    {
        var folds = new CogYamlFoldingProvider().GetFoldingRegions(Context("# a\n# b\nbuild:\n  gpu: true\n  system_packages:\n    - git\n    - ffmpeg\nrun: x\n")).ToList();
        Assert.Contains(new FoldingRegion(0, 1, FoldingKind.Comment), folds);
        Assert.Contains(new FoldingRegion(2, 6, FoldingKind.Region), folds);
        Assert.Contains(new FoldingRegion(4, 6, FoldingKind.Region), folds);
    }

    [Fact]
    public void Every_descriptor_is_documented()
    {
        foreach (var d in LanguageServices.CreateDefault().AllDescriptors.Where(d => d.Id.StartsWith("COG0", StringComparison.Ordinal) && string.CompareOrdinal(d.Id, "COG0500") < 0))
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Explanation) || string.IsNullOrWhiteSpace(d.BadExample) || string.IsNullOrWhiteSpace(d.GoodExample) || string.IsNullOrWhiteSpace(d.Fix), d.Id);
        }
    }

    public static TheoryData<string> BrokenFiles()
    {
        var data = new TheoryData<string>
        {
            "build:\n  python_version: \"3.1",
            "build:\n\tgpu: true\n",
            "build:\n  gpu: true\n  gpu: true\nbuild: {}\n",
            "\uFFFD\uFFFD:\n  - \uFFFD\n",
            "build: [\n",
            "build:\n  <<: *nowhere\n",
            "build:\n  <<: [*a, 1]\n",
            "a: &a {<<: *a}\n",
            "- 1\n- 2\n",
            "just text",
            "build:\n  run:\n    - {command: [1]}\n    - mounts: 3\n",
            "weights: {a: 1}\nenvironment: {a: 1}\nconcurrency: [1]\n",
            "weights:\n  - 1\n  - {source: [1, {include: 1}]}\n",
            "build:\n  python_version: !!int 3\n  cuda: ~\n  cudnn: \"\"\n  gpu: on\n",
        };
        var bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            bomb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        bomb.Append("build:\n  <<: *a11\n  python_packages: *a11\n");
        data.Add(bomb.ToString());
        data.Add("build: " + new string('[', 10_000) + new string(']', 10_000) + "\n");
        data.Add("build: " + new string('{', 10_000) + "\n");
        var nested = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            nested.Append(' ', i).Append("- k:\n");
        }

        data.Add(nested.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Broken_files_give_diagnostics_and_features_never_throw(string text)
    {
        var diagnostics = GetDiagnostics(text);
        Assert.NotNull(diagnostics);
        var context = Context(text);
        var services = LanguageServices.CreateDefault();
        for (var offset = 0; offset <= Math.Min(text.Length, 200); offset += 7)
        {
            _ = services.HoverProviders.Select(p => p.GetHover(context, offset)).ToList();
            _ = services.CompletionProviders.SelectMany(p => p.GetCompletions(context, offset)).ToList();
            _ = services.DefinitionProviders.SelectMany(p => p.GetDefinitions(context, offset)).ToList();
        }

        _ = services.OutlineProviders.SelectMany(p => p.GetOutline(context)).ToList();
        _ = services.FoldingProviders.SelectMany(p => p.GetFoldingRegions(context)).ToList();
        _ = services.LinkProviders.SelectMany(p => p.GetLinks(context)).ToList();
    }

    [Fact]
    public void Alias_bomb_is_reported()
    {
        var bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            bomb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        Assert.Contains(GetDiagnostics(bomb.ToString()), d => d.Id == "COG0003");
    }

    [Fact]
    public void Ten_megabyte_file_is_analysed()
    {
        var sb = new StringBuilder("build:\n  python_version: \"3.11\"\n  system_packages:\n");
        while (sb.Length < 10 * 1024 * 1024)
        {
            sb.Append("    - pkg").Append(sb.Length).Append('\n');
        }

        Assert.DoesNotContain(GetDiagnostics(sb.ToString()), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Invalid_utf8_on_disk_reads_as_replacement_characters()
    {
        var files = new TestWorkspace { Roots = ["/q"] };
        files.Disk.Add("/q/cog.yaml", [0x62, 0x75, 0x69, 0x6C, 0x64, 0x3A, 0x20, 0xFF, 0xFE, 0x0A]);
        var workspace = files.Snapshot();
        var document = workspace.GetDocument("/q/cog.yaml")!;
        Assert.True(document.HadInvalidUtf8);
        var diagnostics = new DiagnosticService(LanguageServices.CreateDefault()).GetDiagnostics(workspace, document);
        Assert.Contains(diagnostics, d => d.Id == "COG0102");
    }
}
