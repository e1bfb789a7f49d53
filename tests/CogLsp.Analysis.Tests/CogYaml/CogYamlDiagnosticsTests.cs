using CogLsp.Analysis.Diagnostics;
using static CogLsp.Analysis.Tests.CogYaml.CogYamlFixture;

namespace CogLsp.Analysis.Tests.CogYaml;

public sealed class CogYamlDiagnosticsTests
{
    private static readonly (string, string)[] Project =
    [
        ("/p/requirements.txt", "numpy==1.26.4\n"),
        ("/p/predict.py", "import cog\n\nclass Predictor(cog.BasePredictor):\n    pass\n"),
        ("/p/run.py", "class Runner:\n    pass\n"),
    ];

    private static void Check(string marked, params string[] ids) => CheckDiagnostics(marked, ids, Project);

    [Fact]
    public void Clean_file_has_no_diagnostics()
    {
        var diagnostics = GetDiagnostics("build:\n  gpu: true\n  cuda: \"12.4\"\n  python_version: \"3.12\"\n  python_requirements: requirements.txt\nrun: \"run.py:Runner\"\n", Project);

        // Only the information that shows what Cog picks (CUDA, cuDNN, base image) remains.
        Assert.Equal(["COG0500"], diagnostics.Select(d => d.Id));
        Assert.Equal(CogLsp.Analysis.Diagnostics.DiagnosticSeverity.Information, diagnostics[0].Severity);
    }

    [Fact]
    public void Syntax_error_is_reported_at_the_position() =>
        Check("build:\n  python_version: [|\"3.11\n|]", "COG0001");

    [Fact]
    public void Duplicate_key_is_an_error_on_the_second_key()
    {
        // Cog's decoder stops at the duplicate, so no CUDA is chosen (no COG0500 on gpu).
        var d = CheckDiagnostics("build:\n  python_version: \"3.11\"\n  gpu: true\n  [|gpu|]: false\n", ["COG0002"]);
        Assert.Contains("line 3", d[0].Message, StringComparison.Ordinal);
    }

    /// <summary>Go's decoder never visits the value of a key Cog has no field for, so a duplicate there does not stop the build.</summary>
    [Theory]
    [InlineData("build:\n  python_version: \"3.11\"\n{|COG0101:foo|}:\n  a: 1\n  a: 2\n")]
    [InlineData("build:\n  python_version: \"3.11\"\n  {|COG0101:extra|}:\n    a: 1\n    a: 2\n")]
    public void Duplicate_key_where_Cog_does_not_read_is_not_an_error(string text) => Check(text, "COG0002");

    /// <summary>Go's decoder skips a mapping with a duplicate key: a wrong type inside it is not what stops the build.</summary>
    [Fact]
    public void Duplicate_key_hides_the_types_inside_its_mapping() =>
        Check("build:\n  python_version: \"3.11\"\n  gpu: \"x\"\n  [|gpu|]: true\n", "COG0002");

    [Fact]
    public void Duplicate_key_inside_a_run_item_is_an_error() =>
        Check("build:\n  python_version: \"3.11\"\n  run:\n    - command: echo a\n      [|command|]: echo b\n", "COG0002");

    [Fact]
    public void Unknown_key_suggests_the_close_one()
    {
        var d = CheckDiagnostics("{|COG0201:build|}:\n  [|pyhton_version|]: \"3.11\"\n", ["COG0101"]);
        Assert.Contains("did you mean 'python_version'", d[0].Message, StringComparison.Ordinal);
        Assert.Equal(new ReplacementData("python_version"), d[0].Data);
        Assert.Equal(DiagnosticSeverity.Warning, d[0].Severity);
    }

    [Fact]
    public void Key_in_the_wrong_section_says_where_it_belongs()
    {
        var d = CheckDiagnostics("[|gpu|]: true\nbuild:\n  python_version: \"3.11\"\n", ["COG0101"]);
        Assert.Contains("belongs in build", d[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("build:\n  python_version: \"3.11\"\n  gpu: [|\"true\"|]\n")]
    [InlineData("build:\n  python_version: \"3.11\"\n  system_packages: [|ffmpeg|]\n")]
    [InlineData("build:\n  python_version: [|[3, 11]|]\n")]
    [InlineData("build: [|[a]|]\n")]
    [InlineData("concurrency:\n  {|COG0304:max|}: [|\"4\"|]\n")]
    [InlineData("build:\n  python_version: \"3.11\"\n  run:\n    - [|[a, b]|]\n")]
    public void Wrong_type_is_an_error_on_the_value(string marked) => Check(marked, "COG0102");

    [Fact]
    public void Go_boolean_spellings_are_accepted() => Check("build:\n  python_version: \"3.11\"\n  gpu: {|COG0500:yes|}\n");

    [Fact]
    public void Ignored_schema_key_is_a_warning() =>
        Check("concurrency:\n  {|COG0304:max|}: 2\n  [|default_target|]: 1\n", "COG0103");

    [Fact]
    public void Run_item_mapping_needs_command() =>
        Check("build:\n  python_version: \"3.11\"\n  run:\n    - [|mounts:\n        - type: secret\n          id: a\n          target: /b|]\n", "COG0104");

    /// <summary>Go leaves an empty command or mount field out when it hands the item to Cog's schema check, which then finds it missing.</summary>
    [Fact]
    public void Run_item_with_an_empty_command_or_mount_field_is_incomplete() =>
        Check("build:\n  python_version: \"3.11\"\n  run:\n    - [|command: \"\"\n      mounts:\n        - [|type: secret\n          id: \"\"\n          target: /b|]|]\n", "COG0104", "COG0104");

    [Fact]
    public void Python_version_required_in_build() =>
        Check("[|build|]:\n  gpu: false\n", "COG0201");

    [Fact]
    public void Python_version_not_required_without_build() => Check("run: run.py:Runner\n", "COG0201");

    [Theory]
    [InlineData("build:\n  python_version: [|\"3\"|]\n")]
    [InlineData("build:\n  python_version: [|\"three.ten\"|]\n")]
    [InlineData("build:\n  python_version: [|\"3.x\"|]\n")]
    public void Malformed_python_version(string marked) => Check(marked, "COG0202");

    [Theory]
    [InlineData("build:\n  python_version: [|\"3.9\"|]\n")]
    [InlineData("build:\n  python_version: [|\"2.7.18\"|]\n")]
    public void Python_version_below_minimum(string marked) => Check(marked, "COG0203");

    [Theory]
    [InlineData("build:\n  python_version: \"3.10\"\n")]
    [InlineData("build:\n  python_version: {|COG0501:\"3.13.1\"|}\n")]
    [InlineData("build:\n  python_version: \" 3.12 \"\n")]
    public void Supported_python_versions_pass(string text) => Check(text, "COG0201", "COG0202", "COG0203");

    [Theory]
    [InlineData("build:\n  python_version: \"3.11\"\n  gpu: true\n  cuda: [|\"12\"|]\n", "COG0204")]
    [InlineData("build:\n  python_version: \"3.11\"\n  gpu: true\n  cuda: [|\"x.1\"|]\n", "COG0204")]
    [InlineData("build:\n  python_version: \"3.11\"\n  gpu: true\n  cuda: [|\"10.2\"|]\n", "COG0205")]
    [InlineData("build:\n  python_version: \"3.11\"\n  gpu: true\n  cuda: \"12.4\"\n  cudnn: [|\"8\"|]\n", "COG0206")]
    [InlineData("build:\n  python_version: \"3.11\"\n  gpu: true\n  cuda: \"12.4\"\n  cudnn: [|\"9.1\"|]\n", "COG0206")]
    [InlineData("build:\n  python_version: \"3.11\"\n  gpu: true\n  cuda: [|\"11.9\"|]\n", "COG0207")]
    [InlineData("build:\n  python_version: \"3.11\"\n  [|cuda|]: \"12.4\"\n", "COG0208")]
    public void Cuda_rules(string marked, string id) => Check(marked, id);

    /// <summary>
    /// One condition, one diagnostic: Cog's own error for a cuDNN or CUDA without a base image is what
    /// COG0206/COG0207 report on the same value, so COG0502 does not repeat it (nor Cog's list, which
    /// names cuDNN 9 once per 12.4 image: "9, 9").
    /// </summary>
    [Fact]
    public void Cuda_without_an_image_is_reported_once_without_repeated_versions()
    {
        var d = CheckDiagnostics("build:\n  python_version: \"3.11\"\n  gpu: true\n  cuda: \"12.4\"\n  cudnn: [|\"8\"|]\n", ["COG0206"]);
        Assert.EndsWith("compatible cuDNN versions: 9", d[0].Message, StringComparison.Ordinal);
    }

    /// <summary>Cog's warning about a python_packages entry shows once, on the key its fix changes, pointing at the entry.</summary>
    [Fact]
    public void Cog_warning_about_a_python_packages_entry_is_one_diagnostic()
    {
        var d = CheckDiagnostics(
            "build:\n  python_version: \"3.11\"\n  gpu: {|COG0500:true|}\n  cuda: [|\"12.4\"|]\n  {|COG0301:python_packages|}:\n    - {|COG0600:{|COG0605:torch==1.13.1|}|}\n",
            ["COG0501"]);
        Assert.Contains("PyTorch 1.13.1", d[0].Message, StringComparison.Ordinal);
        var related = Assert.Single(d[0].Related);
        Assert.Equal((84, 13), (related.Span.Start, related.Span.Length));
    }

    [Fact]
    public void Cuda_cudnn_message_lists_compatible_versions()
    {
        var d = CheckDiagnostics("build:\n  python_version: \"3.11\"\n  gpu: true\n  cuda: \"11.8\"\n  cudnn: [|\"9\"|]\n", ["COG0206"]);
        Assert.Contains("compatible cuDNN versions: 8", d[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_cuda_pairs_pass() =>
        Check("build:\n  python_version: \"3.11\"\n  gpu: {|COG0500:true|}\n  cuda: \"11.8.0\"\n  cudnn: \"8\"\n", "COG0204", "COG0205", "COG0206", "COG0207");

    [Theory]
    [InlineData("run: [|Runner|]\n")]
    [InlineData("{|COG0303:predict|}: [|predict:Predictor|]\n")]
    [InlineData("train: [|train.py|]\n")]
    [InlineData("run: [|a.py:B.py:C|]\n")]
    public void References_must_be_file_py_class(string marked) => Check(marked, "COG0210");

    [Fact]
    public void Run_and_predict_together() =>
        Check("run: run.py:Runner\n{|COG0303:[|predict|]|}: predict.py:Predictor\n", "COG0211");

    [Theory]
    [InlineData("environment:\n  - [|DEBUG|]\n", "COG0220")]
    [InlineData("environment:\n  - [|=x|]\n", "COG0220")]
    [InlineData("environment:\n  - [|1A=x|]\n", "COG0220")]
    [InlineData("environment:\n  - [|PATH|]=/bin\n", "COG0221")]
    [InlineData("environment:\n  - \"[|CUDA_HOME|]=/x\"\n", "COG0221")]
    [InlineData("environment:\n  - [|REPLICATE_API_TOKEN|]=x\n", "COG0221")]
    [InlineData("environment:\n  - A=1\n  - [|A|]=2\n", "COG0222")]
    public void Environment_rules(string marked, string id) => Check(marked, id);

    [Fact]
    public void Environment_value_may_contain_equals() => Check("environment:\n  - OPTS=a=b\n", "COG0220", "COG0221", "COG0222");

    [Fact]
    public void Packages_and_requirements_together() =>
        Check("build:\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n  {|COG0301:[|python_packages|]|}:\n    - {|COG0721:numpy|}\n", "COG0230");

    [Theory]
    [InlineData("concurrency:\n  {|COG0304:max|}: [|0|]\n", "COG0240")]
    [InlineData("build:\n  python_version: \"3.10\"\nconcurrency:\n  {|COG0304:max|}: [|4|]\n", "COG0241")]
    [InlineData("[|concurrency|]: {}\n", "COG0242")]
    [InlineData("[|image|]: a/b\nmodel: a/b\n", "COG0250")]
    public void Concurrency_and_model_rules(string marked, string id) => Check(marked, id);

    [Fact]
    public void Weights_need_model() =>
        Check("[|weights|]:\n  - name: base\n    target: /w\n    source:\n      uri: hf://a/b\n", "COG0251");

    [Fact]
    public void Weights_entries_are_checked() =>
        Check("model: r8.im/a/b\nweights:\n  - name: [|Base W|]\n    target: [|w|]\n    source:\n      uri: hf://a/b\n      include: [[|\"!x\"|]]\n  - name: two\n    target: /w/sub\n    [|source|]:\n", "COG0252", "COG0252", "COG0252", "COG0252");

    [Fact]
    public void Overlapping_weight_targets() =>
        Check("model: r8.im/a/b\nweights:\n  - name: one\n    target: /w\n    source: {uri: hf://a/b}\n  - name: two\n    target: [|/w/sub|]\n    source: {uri: hf://a/c}\n", "COG0252");

    [Fact]
    public void Deprecations_are_warnings_with_the_deprecated_tag()
    {
        var d = CheckDiagnostics(
            "build:\n  python_version: \"3.11\"\n  [|python_packages|]:\n    - numpy==1.26.4\n  [|pre_install|]:\n    - echo hi\n[|predict|]: predict.py:Predictor\nconcurrency:\n  [|max|]: 2\n",
            ["COG0301", "COG0302", "COG0303", "COG0304"], Project);
        Assert.All(d, x => Assert.Equal(DiagnosticSeverity.Warning, x.Severity));
        Assert.All(d, x => Assert.True(x.Tags.HasFlag(DiagnosticTags.Deprecated)));
    }

    [Fact]
    public void Empty_deprecated_lists_are_not_reported() =>
        Check("build:\n  python_version: \"3.11\"\n  python_packages: []\n  pre_install:\n", "COG0301", "COG0302");

    [Fact]
    public void Requirements_file_must_exist() =>
        Check("build:\n  python_version: \"3.11\"\n  python_requirements: [|requirments.txt|]\n", "COG0401");

    [Fact]
    public void Requirements_outside_the_project_warns() =>
        CheckDiagnostics("build:\n  python_version: \"3.11\"\n  python_requirements: [|../shared/req.txt|]\n", ["COG0402"], ("/shared/req.txt", "numpy\n"));

    [Fact]
    public void Requirements_file_open_in_editor_counts()
    {
        var (workspace, _) = Open("build:\n  python_version: \"3.11\"\n  python_requirements: new.txt\n");
        workspace = workspace.WithOpenDocument("/p/new.txt", Syntax.Text.SourceText.From("numpy\n"), 1);
        var d = new DiagnosticService(LanguageServices.CreateDefault()).GetDiagnostics(workspace, workspace.GetDocument(CogYamlPath)!);
        Assert.DoesNotContain(d, x => x.Id == "COG0401");
    }

    [Theory]
    [InlineData("run: [|\"missing.py:Runner\"|]\n", "COG0403")]
    [InlineData("run: [|\"run.py:Runer\"|]\n", "COG0404")]
    [InlineData("{|COG0303:predict|}: [|predict.py:Model|]\n", "COG0404")]
    public void Module_and_class_must_exist(string marked, string id) => Check(marked, id);

    [Fact]
    public void Imported_class_counts_as_defined() =>
        CheckDiagnostics("run: \"m.py:Runner\"\n", ["COG0404"], ("/p/m.py", "from impl import Runner\n"));

    [Theory]
    [InlineData("build:\n  python_version: [|3.10|]\n", "\"3.10\"")]
    [InlineData("build:\n  python_version: \"3.11\"\n  gpu: {|COG0500:true|}\n  cuda: [|12.0|]\n", "\"12.0\"")]
    public void Float_trap_warns_with_quoted_replacement(string marked, string replacement)
    {
        var d = CheckDiagnostics(marked, ["COG0410"], Project);
        Assert.Equal(new ReplacementData(replacement), d[0].Data);
        Assert.Equal(DiagnosticSeverity.Warning, d[0].Severity);
    }

    [Theory]
    [InlineData("build:\n  python_version: 3.11\n")]
    [InlineData("build:\n  python_version: \"3.10\"\n")]
    public void No_float_trap_when_the_number_reads_the_same(string text) => Check(text, "COG0410");

    [Fact]
    public void Git_requirement_in_python_packages_without_git() =>
        Check("build:\n  python_version: \"3.11\"\n  {|COG0301:python_packages|}:\n    - [|git+https://github.com/a/b|]\n", "COG0420");

    [Fact]
    public void Git_requirement_in_requirements_file_without_git() =>
        CheckDiagnostics("build:\n  python_version: \"3.11\"\n  python_requirements: [|r.txt|]\n", ["COG0420"], ("/p/r.txt", "# pins\npkg @ git+https://github.com/a/b\n"));

    [Fact]
    public void Git_in_system_packages_satisfies_git_requirements() =>
        Check("build:\n  python_version: \"3.11\"\n  system_packages: [git]\n  {|COG0301:python_packages|}:\n    - git+https://github.com/a/b\n", "COG0420");

    [Fact]
    public void Merge_keys_and_aliases_are_followed()
    {
        Check("{|COG0101:x|}: &base\n  python_version: \"3.12\"\nbuild:\n  <<: *base\n", "COG0201");
        Check("{|COG0101:defaults|}: &d\n  python_version: [|\"3.9\"|]\nbuild:\n  <<: *d\n", "COG0203");
        Check("{|COG0101:v|}: &v \"3.9\"\nbuild:\n  python_version: [|*v|]\n", "COG0203");
    }

    [Fact]
    public void Suppression_comment_silences_a_rule() =>
        Check("build:\n  python_version: 3.10  # cog-lsp: ignore[COG0410]\n", "COG0410");
}
