using CogLsp.Analysis;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Cli;

namespace CogLsp.Server.Tests.Cli;

/// <summary>
/// Every rule flagged <see cref="DiagnosticDescriptor.StopsCogBuild"/> has projects here on which Cog's
/// build stops (Cog 6110c912). For each, `check` reports the rule as an error on the marked span's line
/// and `resolve` exits 1 with Cog's own message. The cases are keyed by the descriptors, so a rule
/// flagged without a case, or a case whose rule is not flagged, fails the test.
/// </summary>
public class BuildStopperTests
{
    /// <summary>(rule, cog.yaml with [|span|] in the file the rule reports on, requirements.txt or null, Cog's message on stderr).</summary>
    public static readonly TheoryData<string, string, string?, string> Cases = new()
    {
        { "COG0001", "build:\n  python_version: \"3.11\"\n  run:\n    - echo a\n[|   - echo b|]\n", null,
            "failed to parse cog.yaml: invalid YAML: yaml: line 5, column 4: " },
        { "COG0002", "build:\n  python_version: \"3.11\"\n  gpu: true\n  [|gpu|]: false\n", null,
            "failed to parse cog.yaml: invalid YAML: yaml: construct errors:\n  line 4: mapping key \"gpu\" already defined at line 3\n" },
        { "COG0002", "build:\n  python_version: \"3.11\"\n  run:\n    - command: echo a\n      [|command|]: echo b\n  system_packages: ffmpeg\n", null,
            "failed to parse cog.yaml: invalid YAML: yaml: construct errors:\n  line 5: mapping key \"command\" already defined at line 4\n  line 6: cannot construct !!str `ffmpeg` into []string\n" },
        { "COG0102", "build:\n  python_version: \"3.11\"\npredict:\n  [|file: predict.py|]\n", null,
            "failed to parse cog.yaml: invalid YAML: yaml: construct errors:\n  line 4: cannot construct !!map into string" },
        { "COG0102", "build:\n  python_version: \"3.11\"\ntrain:\n  [|file: train.py|]\n", null,
            "failed to parse cog.yaml: invalid YAML: yaml: construct errors:\n  line 4: cannot construct !!map into string" },
        { "COG0104", "build:\n  python_version: \"3.11\"\n  run:\n    - [|mounts|]:\n        - type: secret\n          id: a\n          target: /b\n", null,
            "schema error in \"build.run.0\": command is required\n" },
        { "COG0104", "build:\n  python_version: \"3.11\"\n  run:\n    - echo a\n    - [|command|]: \"\"\n", null,
            "schema error in \"build.run.1\": command is required\n" },
        { "COG0104", "build:\n  python_version: \"3.11\"\n  run:\n    - command: echo a\n      mounts:\n        - [|type|]: secret\n          target: /b\n", null,
            "schema error in \"build.run.0.mounts.0\": id is required\n" },
        { "COG0104", "build:\n  python_version: \"3.11\"\n  run:\n    - command: echo a\n      mounts:\n        - type: [|tmpfs|]\n          id: a\n          target: /b\n", null,
            "schema error in \"build.run.0.mounts.0.type\": build.run.0.mounts.0.type must be one of the following: \"secret\"\n" },
        { "COG0210", "build:\n  python_version: \"3.11\"\nrun: [|Runner|]\n", null,
            "invalid run \"Runner\": must be in the form 'run.py:Runner'" },
        { "COG0211", "build:\n  python_version: \"3.11\"\nrun: \"run.py:Runner\"\n[|predict|]: \"predict.py:Predictor\"\n", null,
            "schema error in \"cog.yaml\": Must not validate the schema (not)\ninvalid run: only one of run or predict can be set\n" },
        { "COG0211", "build:\n  python_version: \"3.11\"\nrun: \"\"\n[|predict|]: \"predict.py:Predictor\"\n", null,
            "schema error in \"cog.yaml\": Must not validate the schema (not)\n" },
        { "COG0220", "build:\n  python_version: \"3.11\"\nenvironment:\n  - [|DEBUG|]\n", null,
            "schema error in \"environment.0\": Does not match pattern '^[A-Za-z_][A-Za-z0-9_]*=.*$'\ninvalid environment: environment variable \"DEBUG\" is not in the KEY=VALUE format\n" },
        { "COG0220", "build:\n  python_version: \"3.11\"\nenvironment:\n  - A=1\n  - [|1A=x|]\n", null,
            "schema error in \"environment.1\": Does not match pattern '^[A-Za-z_][A-Za-z0-9_]*=.*$'\n" },
        { "COG0221", "build:\n  python_version: \"3.11\"\nenvironment:\n  - [|PATH|]=/opt/bin\n", null,
            "invalid environment: environment variable \"PATH\" is not allowed: reserved for internal use\n" },
        { "COG0221", "build:\n  python_version: \"3.11\"\nenvironment:\n  - [|CUDA_HOME|]=/opt/cuda\n", null,
            "invalid environment: environment variable \"CUDA_HOME\" is not allowed: reserved for internal use\n" },
        { "COG0222", "build:\n  python_version: \"3.11\"\nenvironment:\n  - A=1\n  - [|A|]=2\n", null,
            "invalid environment: environment variable \"A\" is already defined\n" },
        { "COG0242", "build:\n  python_version: \"3.11\"\n[|concurrency|]: {}\n", null,
            "schema error in \"concurrency\": max is required\n" },
        { "COG0251", "build:\n  python_version: \"3.11\"\n[|image|]: r8.im/a/b\nweights:\n  - name: base\n    target: /w\n    source: {uri: hf://a/b}\n", null,
            "invalid image: weights require 'model', not 'image' — rename 'image' to 'model'\n" },
        { "COG0251", "build:\n  python_version: \"3.11\"\n[|weights|]:\n  - name: base\n    target: /w\n    source: {uri: hf://a/b}\n", null,
            "invalid model: weights require 'model' in cog.yaml — rename 'image' to 'model'\n" },
        { "COG0252", "build:\n  python_version: \"3.11\"\nmodel: r8.im/a/b\nweights:\n  - name: [|My W|]\n    target: /w\n    source: {uri: hf://a/b}\n", null,
            "schema error in \"weights.0.name\": Does not match pattern '^[a-z0-9]+([._-][a-z0-9]+)*$'\ninvalid weights[0].name \"My W\": must contain only lowercase alphanumeric characters, hyphens, dots, or underscores (e.g. \"my-model-weights\")\n" },
        { "COG0252", "build:\n  python_version: \"3.11\"\nmodel: r8.im/a/b\nweights:\n  - name: base\n    target: /w\n    source: {uri: hf://a/b}\n  - name: top\n    target: [|/w/sub|]\n    source: {uri: hf://a/c}\n", null,
            "invalid weights[1].target \"/w/sub\": target overlaps with \"/w\"; weight targets must be disjoint\n" },
        { "COG0252", "build:\n  python_version: \"3.11\"\nmodel: r8.im/a/b\nweights:\n  - [|name|]: base\n    target: /w\n", null,
            "schema error in \"weights.0.source\": must be a mapping\ninvalid weights[0].source: source is required\n" },
        { "COG0252", "build:\n  python_version: \"3.11\"\nmodel: r8.im/a/b\nweights:\n  - name: base\n    target: /w\n    source:\n      uri: hf://a/b\n      exclude: [[|\"!x\"|]]\n", null,
            "invalid weights[0].source.exclude[0] \"!x\": negation patterns (starting with '!') are not supported\n" },
        { "COG0240", "build:\n  python_version: \"3.11\"\nconcurrency:\n  max: [|0|]\n", null,
            "invalid concurrency.max \"0\": must be at least 1" },
        { "COG0241", "build:\n  python_version: \"3.10\"\nconcurrency:\n  max: [|4|]\n", null,
            "invalid concurrency.max \"4\": concurrency requires Python 3.11 or higher" },
        { "COG0250", "build:\n  python_version: \"3.11\"\nmodel: r8.im/owner/name\n[|image|]: r8.im/owner/name\n", null,
            "invalid model: 'model' and 'image' cannot both be set" },
        { "COG0253", "build:\n  python_version: \"3.11\"\nmodel: [|r8.im/owner/name:latest|]\n", null,
            "invalid model \"r8.im/owner/name:latest\": must be a bare repository — tags and digests are not allowed" },
        { "COG0253", "build:\n  python_version: \"3.11\"\nmodel: [|r8.im/owner/name@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef|]\n", null,
            "invalid model \"r8.im/owner/name@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\": must be a bare repository — tags and digests are not allowed" },
        { "COG0253", "build:\n  python_version: \"3.11\"\nmodel: [|r8.im/Owner/Name|]\n", null,
            "invalid model \"r8.im/Owner/Name\": invalid repository: repository can only contain the characters `abcdefghijklmnopqrstuvwxyz0123456789_-./`: Owner/Name" },
        { "COG0260", "build:\n  python_version: \"3.11\"\n  sdk_version: [|\"0.15.0\"|]\n", null,
            "cog version 0.15.0 is below the minimum required version 0.16.0" },
        { "REQ0407", "build:\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n", "numpy==1.26.4\n[|./missing.zip|]\n",
            "local Python package artifact \"./missing.zip\" not found: lstat {dir}/missing.zip: no such file or directory" },
    };

    [Fact]
    public void Every_rule_that_stops_cog_build_has_a_case_and_every_case_is_such_a_rule()
    {
        var flagged = LanguageServices.CreateDefault().AllDescriptors.Where(d => d.StopsCogBuild).Select(d => d.Id).Order().ToList();
        var covered = Cases.Select(c => (string)c[0]).Distinct().Order().ToList();
        Assert.Equal(flagged, covered);
    }

    /// <summary>
    /// The error rules of cog.yaml that are not build stoppers, each with why. An error that is neither
    /// would be `check` saying the build fails where `resolve` (which follows Cog) says nothing.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ErrorsNotStoppers = new Dictionary<string, string>
    {
        ["COG0003"] = "Go's decoder refuses alias bombs at a ratio of its own, not at our node count; resolve cannot read such a file either",
        ["COG0201"] = "build section: the resolver's own validation prints Cog's message",
        ["COG0202"] = "build section: the resolver's own validation prints Cog's message",
        ["COG0203"] = "build section: the resolver's own validation prints Cog's message",
        ["COG0204"] = "build section: the resolver's own validation prints Cog's message",
        ["COG0205"] = "build section: the resolver's own validation prints Cog's message",
        ["COG0206"] = "build section: the resolver's own validation prints Cog's message",
        ["COG0207"] = "build section: the resolver's CUDA completion prints Cog's message",
        ["COG0230"] = "build section: the resolver's own validation prints Cog's message",
        ["COG0401"] = "build section: the resolver's own validation prints Cog's message",
        ["COG0261"] = "pip fails: Cog passes sdk_version to pip unchecked",
        ["COG0403"] = "Cog's build fails when it imports the module, after the Dockerfile resolve models",
        ["COG0404"] = "Cog's build fails when it loads the class, after the Dockerfile resolve models",
        ["COG0502"] = "the resolver's error itself, which resolve prints",
        ["COG0615"] = "a python_packages entry Cog refuses: the resolver's error, which resolve prints",
        ["COG0616"] = "pip fails: the constraints file is not in the image",
        ["COG0619"] = "a python_packages entry Cog fails on: the resolver's error, which resolve prints",
        ["COG0701"] = "pip fails",
        ["COG0702"] = "pip fails",
        ["COG0711"] = "pip fails",
        ["COG0712"] = "pip fails",
        ["COG0740"] = "pip fails",
        ["COG0741"] = "pip fails",
        ["COG0761"] = "pip fails on what the package index lists, which only `--online` reads",
        ["COG0762"] = "pip fails on what the package index lists, which only `--online` reads",
        ["COG0763"] = "pip fails on what the package index lists, which only `--online` reads",
        ["COG0764"] = "pip fails on what the package index lists, which only `--online` reads",
        ["COG0767"] = "pip fails on what the PyTorch index lists, which only `--online` reads",
        ["COG0801"] = "pip fails in a build.run command, which resolve does not run",
        ["COG0802"] = "pip fails in a build.run command, which resolve does not run",
        ["COG0840"] = "pip fails in a build.run command, which resolve does not run",
        ["COG0841"] = "pip fails in a build.run command, which resolve does not run",
        ["COG0852"] = "/bin/sh fails in a build.run command, which resolve does not run",
        ["COG0853"] = "/bin/sh fails in a build.run command, which resolve does not run",
        ["COG0861"] = "pip fails in a build.run command, which resolve does not run, on what the package index lists",
        ["COG0862"] = "pip fails in a build.run command, which resolve does not run, on what the package index lists",
        ["COG0863"] = "pip fails in a build.run command, which resolve does not run, on what the package index lists",
        ["COG0864"] = "pip fails in a build.run command, which resolve does not run, on what the package index lists",
        ["COG0854"] = "Cog's Dockerfile generator refuses the command (runCommands); resolve does not model build.run yet",
    };

    [Fact]
    public void Every_cog_yaml_error_rule_is_a_build_stopper_or_says_why_not()
    {
        var errors = LanguageServices.CreateDefault().AllDescriptors
            .Where(d => d.Id.StartsWith("COG", StringComparison.Ordinal) && d.DefaultSeverity == DiagnosticSeverity.Error).ToList();
        var neither = errors.Where(d => !d.StopsCogBuild && !ErrorsNotStoppers.ContainsKey(d.Id)).Select(d => d.Id).ToList();
        Assert.True(neither.Count == 0, "error rules that are neither build stoppers nor listed: " + string.Join(", ", neither));
        var both = errors.Where(d => d.StopsCogBuild && ErrorsNotStoppers.ContainsKey(d.Id)).Select(d => d.Id).ToList();
        Assert.True(both.Count == 0, "listed rules that are build stoppers: " + string.Join(", ", both));
        var gone = ErrorsNotStoppers.Keys.Where(id => !errors.Any(d => d.Id == id)).ToList();
        Assert.True(gone.Count == 0, "listed rules that are no longer errors: " + string.Join(", ", gone));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_reports_the_rule_on_the_line_and_resolve_fails_with_Cogs_message(string id, string cogYaml, string? requirements, string cogMessage)
    {
        var descriptor = Assert.Single(LanguageServices.CreateDefault().AllDescriptors, d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        var project = Directory.CreateTempSubdirectory("cog-lsp-stopper-");
        try
        {
            var (cogYamlText, cogYamlMarked) = requirements is null ? Unmark(cogYaml) : (cogYaml, default);
            var (requirementsText, requirementsMarked) = requirements is null ? (null, default) : Unmark(requirements);
            File.WriteAllText(Path.Combine(project.FullName, "cog.yaml"), cogYamlText);
            if (requirementsText is not null)
            {
                File.WriteAllText(Path.Combine(project.FullName, "requirements.txt"), requirementsText);
            }

            var expectedFile = requirements is null ? "cog.yaml" : "requirements.txt";
            var marked = requirements is null ? cogYamlMarked : requirementsMarked;
            var outcome = new CheckRunner(LanguageServices.CreateDefault(), PhysicalFileSystem.Instance).Run([project.FullName], AnalysisOptions.Default);
            var file = Assert.Single(outcome.Files, f => f.Document.Path.EndsWith("/" + expectedFile, StringComparison.Ordinal));
            var diagnostic = Assert.Single(file.Diagnostics, d => d.Descriptor.Id == id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.InRange(diagnostic.Span.Start, marked.Start, marked.End);

            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            var exit = ResolveCommand.Run(project.FullName, "linux", "amd64", "text", stdout, stderr);
            Assert.Equal(1, exit);
            Assert.Equal(string.Empty, stdout.ToString());
            Assert.StartsWith("error: " + cogMessage.Replace("{dir}", PathUtil.Normalize(project.FullName), StringComparison.Ordinal), stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            project.Delete(true);
        }
    }

    /// <summary>Cog resolves the SDK wheel at the start of its Python-packages step, so sdk_version fails before a missing local artifact.</summary>
    [Fact]
    public void Resolve_fails_on_sdk_version_before_a_missing_artifact()
    {
        var project = Directory.CreateTempSubdirectory("cog-lsp-stopper-");
        try
        {
            File.WriteAllText(Path.Combine(project.FullName, "cog.yaml"), "build:\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n  sdk_version: \"0.9\"\n");
            File.WriteAllText(Path.Combine(project.FullName, "requirements.txt"), "numpy==1.26.4\n./missing.zip\n");
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Assert.Equal(1, ResolveCommand.Run(project.FullName, "linux", "amd64", "text", stdout, stderr));
            Assert.Equal("error: cog version 0.9 is below the minimum required version 0.16.0\n", stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        finally
        {
            project.Delete(true);
        }
    }

    /// <summary>
    /// Cog collects its validation errors and prints them joined, in validate.go's order: the one schema
    /// error, then run/predict, train, build, environment, concurrency, model, weights.
    /// </summary>
    [Fact]
    public void Resolve_prints_every_validation_error_in_Cogs_order()
    {
        var project = Directory.CreateTempSubdirectory("cog-lsp-stopper-");
        try
        {
            File.WriteAllText(Path.Combine(project.FullName, "cog.yaml"),
                "model: r8.im/a/b:v1\nconcurrency:\n  max: 4\nbuild:\n  python_version: \"3.9\"\ntrain: Trainer\nrun: \"run.py:Runner\"\npredict: \"predict.py:Predictor\"\n");
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Assert.Equal(1, ResolveCommand.Run(project.FullName, "linux", "amd64", "text", stdout, stderr));
            Assert.Equal(
                "error: schema error in \"cog.yaml\": Must not validate the schema (not)\n"
                + "invalid run: only one of run or predict can be set\n"
                + "invalid train \"Trainer\": must be in the form 'train.py:Trainer'\n"
                + "invalid build.python_version \"3.9\": minimum supported Python version is 3.10\n"
                + "invalid concurrency.max \"4\": concurrency requires Python 3.11 or higher\n"
                + "invalid model \"r8.im/a/b:v1\": must be a bare repository — tags and digests are not allowed\n",
                stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        finally
        {
            project.Delete(true);
        }
    }

    /// <summary>Cog stages local artifacts line by line: the first line that fails decides the message.</summary>
    [Theory]
    [InlineData("./missing.whl\nfile:///x.whl\n", 1, "local Python package artifact \"./missing.whl\" not found: lstat {dir}/missing.whl: no such file or directory")]
    [InlineData("file:///x.whl\n./missing.whl\n", 1, "local file URL requirements are not supported: file:///x.whl")]
    [InlineData("./dist/missing.whl\n", 1, "local Python package artifact \"./dist/missing.whl\" not found: lstat {dir}/dist: no such file or directory")]
    [InlineData("./pkg-1.0-py3-none-any.whl\nnumpy==1.26.4\n", 0, null)]
    public void Resolve_stops_at_the_first_local_artifact_Cog_cannot_stage(string requirements, int exitCode, string? cogMessage)
    {
        var project = Directory.CreateTempSubdirectory("cog-lsp-stopper-");
        try
        {
            File.WriteAllText(Path.Combine(project.FullName, "cog.yaml"), "build:\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n");
            File.WriteAllText(Path.Combine(project.FullName, "requirements.txt"), requirements);
            File.WriteAllBytes(Path.Combine(project.FullName, "pkg-1.0-py3-none-any.whl"), [0x50, 0x4b]);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Assert.Equal(exitCode, ResolveCommand.Run(project.FullName, "linux", "amd64", "text", stdout, stderr));
            if (cogMessage is null)
            {
                Assert.Contains("./pkg-1.0-py3-none-any.whl", stdout.ToString(), StringComparison.Ordinal);
                Assert.DoesNotContain("error:", stderr.ToString(), StringComparison.Ordinal);
            }
            else
            {
                Assert.StartsWith("error: " + cogMessage.Replace("{dir}", PathUtil.Normalize(project.FullName), StringComparison.Ordinal) + "\n", stderr.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            project.Delete(true);
        }
    }

    /// <summary>
    /// Cog reads an empty cog.yaml as an empty config, and checks build settings (python_version among
    /// them) only when there is a build section: its config stage passes, and its generator writes the
    /// base image from the empty Python version. (Docker then refuses "python:-slim"; that is past Cog.)
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("# to do\n")]
    [InlineData("run: \"run.py:Runner\"\n")]
    [InlineData("build:\nrun: \"run.py:Runner\"\n")]
    public void Without_a_build_section_Cogs_config_stage_passes(string cogYaml)
    {
        var project = Directory.CreateTempSubdirectory("cog-lsp-stopper-");
        try
        {
            File.WriteAllText(Path.Combine(project.FullName, "cog.yaml"), cogYaml);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Assert.Equal(0, ResolveCommand.Run(project.FullName, "linux", "amd64", "text", stdout, stderr));
            Assert.Equal(string.Empty, stdout.ToString());
            Assert.Contains("\nbase_image: python:-slim\n", stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("error", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            project.Delete(true);
        }
    }

    /// <summary>A local artifact path that names a folder: Cog finds no regular file there (it is not missing).</summary>
    [Fact]
    public void A_local_artifact_that_is_a_folder_is_not_a_regular_file()
    {
        var project = Directory.CreateTempSubdirectory("cog-lsp-stopper-");
        try
        {
            File.WriteAllText(Path.Combine(project.FullName, "cog.yaml"), "build:\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n");
            File.WriteAllText(Path.Combine(project.FullName, "requirements.txt"), "./pkg-1.0-py3-none-any.whl\n");
            Directory.CreateDirectory(Path.Combine(project.FullName, "pkg-1.0-py3-none-any.whl"));
            var outcome = new CheckRunner(LanguageServices.CreateDefault(), PhysicalFileSystem.Instance).Run([project.FullName], AnalysisOptions.Default);
            var file = Assert.Single(outcome.Files, f => f.Document.Path.EndsWith("/requirements.txt", StringComparison.Ordinal));
            var diagnostic = Assert.Single(file.Diagnostics, d => d.Descriptor.Id == "REQ0407");
            Assert.Contains("is a folder", diagnostic.Message, StringComparison.Ordinal);

            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            Assert.Equal(1, ResolveCommand.Run(project.FullName, "linux", "amd64", "text", stdout, stderr));
            Assert.Equal("error: local Python package artifact \"./pkg-1.0-py3-none-any.whl\" must be a regular file\n", stderr.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        finally
        {
            project.Delete(true);
        }
    }

    /// <summary>The text without its [|…|] marker, and the marked span (the diagnostic must start inside it, on its line).</summary>
    private static (string Text, (int Start, int End) Marked) Unmark(string marked)
    {
        var start = marked.IndexOf("[|", StringComparison.Ordinal);
        var end = marked.IndexOf("|]", StringComparison.Ordinal) - 2;
        Assert.True(start >= 0 && end >= start && !marked[start..end].Contains('\n', StringComparison.Ordinal), "each case marks one span on one line");
        return (marked.Remove(start, 2).Replace("|]", string.Empty, StringComparison.Ordinal), (start, end));
    }
}
