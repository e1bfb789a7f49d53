using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Indexes;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.Indexes;

/// <summary>The index rules' fixes, hover, completion, inlay hints and upgrade, from answers placed in the snapshot as facts.</summary>
public class IndexFeatureTests
{
    private const string CogYaml = "build:\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n";
    private static readonly IndexSource PyPI = new(IndexSourceKind.Simple, IndexSettings.PyPI);
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    /// <summary>requests 2.31.0 and 2.32.3 with wheels; urllib3 2.0.0 (yanked) and 2.0.2; rc of 2.33.</summary>
    private static readonly IndexAnswer[] Answers =
    [
        Page("requests", ("requests-2.31.0-py3-none-any.whl", null), ("requests-2.32.3-py3-none-any.whl", null), ("requests-2.33.0rc1-py3-none-any.whl", null)),
        Page("urllib3", ("urllib3-2.0.0-py3-none-any.whl", "broken"), ("urllib3-2.0.2-py3-none-any.whl", null)),
    ];

    private static IndexAnswer Page(string project, params (string File, string? Yanked)[] files) =>
        new(new IndexQuery(PyPI, project), IndexAnswerKind.Found,
            new ProjectPage(PyPI, project, [.. files.Select(f => new IndexFile(f.File, "https://files.example/" + f.File, null, f.Yanked is not null, f.Yanked, new DateTimeOffset(2024, 5, 29, 0, 0, 0, TimeSpan.Zero), 100))], null),
            null, Now.AddMinutes(-5), true, false);

    private static (WorkspaceSnapshot Workspace, Document Document) Open(string requirements, bool withAnswers = true)
    {
        var options = AnalysisOptions.Default with { PackageIndex = PackageIndexSettings.Default with { Enabled = true } };
        var workspace = new TestWorkspace { Options = options }.With("/p/cog.yaml", CogYaml).WithOpen("/p/requirements.txt", requirements).Snapshot();
        if (withAnswers)
        {
            workspace = workspace.WithIndexAnswers(Answers);
        }

        return (workspace, workspace.GetDocument("/p/requirements.txt")!);
    }

    private static List<CodeActionItem> Fixes(string requirements, string id)
    {
        var (workspace, document) = Open(requirements);
        var services = LanguageServices.CreateDefault();
        var diagnostics = new DiagnosticService(services);
        var service = new CodeActionService(services, diagnostics);
        return diagnostics.GetDiagnostics(workspace, document).Where(d => d.Id == id).SelectMany(d => service.FixesFor(workspace, document, d, default)).ToList();
    }

    private static string Apply(string text, CodeActionItem action) =>
        SourceText.From(text).WithChanges(Assert.IsType<EditFileChange>(Assert.Single(action.ComputeEdit(default).Changes)).Changes).ToString();

    [Fact]
    public void Nothing_is_said_before_the_index_has_answered()
    {
        var (workspace, document) = Open("requests==2.99.0\n", withAnswers: false);
        Assert.DoesNotContain(new DiagnosticService(LanguageServices.CreateDefault()).GetDiagnostics(workspace, document), d => d.Id.StartsWith("REQ06", StringComparison.Ordinal));
        Assert.Equal(["/p/requirements.txt"], IndexDemands.Collect(workspace, [document]).Select(_ => document.Path).Distinct());
        Assert.Equal(["requests"], IndexDemands.Collect(workspace, [document]).Select(q => q.Project));
    }

    [Fact]
    public void A_missing_pin_is_replaced_with_the_nearest_listed_version()
    {
        const string text = "requests==2.99.0  # http\n";
        var fix = Assert.Single(Fixes(text, "REQ0601"));
        Assert.Equal("Change ==2.99.0 to ==2.32.3", fix.Title);
        Assert.Equal("requests==2.32.3  # http\n", Apply(text, fix));
    }

    [Fact]
    public void A_yanked_pin_is_offered_the_nearest_release_that_was_not_yanked()
    {
        var fix = Assert.Single(Fixes("urllib3==2.0.0\n", "REQ0605"));
        Assert.Equal("urllib3==2.0.2\n", Apply("urllib3==2.0.0\n", fix));
    }

    [Fact]
    public void A_range_can_be_pinned_to_what_pip_installs_in_the_image()
    {
        var fix = Assert.Single(Fixes("requests>=2.0\n", "REQ0201"), f => f.Title.Contains("what pip installs", StringComparison.Ordinal));
        Assert.Equal("Pin requests==2.32.3 (what pip installs in the image)", fix.Title);
        Assert.Equal("requests==2.32.3\n", Apply("requests>=2.0\n", fix));
    }

    [Fact]
    public void Versions_are_completed_newest_first_with_pre_releases_and_yanked_ones_marked()
    {
        var (workspace, document) = Open("requests==\nurllib3>=\n");
        var provider = new IndexCompletionProvider();
        var requests = provider.GetCompletions(new FeatureContext(workspace, document, default), "requests==".Length).ToList();
        Assert.Equal(["2.33.0rc1", "2.32.3", "2.31.0"], requests.Select(c => c.Label));
        Assert.Equal(["pre-release", "installs in the image", "installs in the image"], requests.Select(c => c.Detail));
        var urllib3 = provider.GetCompletions(new FeatureContext(workspace, document, default), "requests==\nurllib3>=".Length).ToList();
        Assert.Equal(["2.0.2", "2.0.0"], urllib3.Select(c => c.Label));
        Assert.True(urllib3[1].Deprecated);
        Assert.Equal("yanked: broken", urllib3[1].Detail);
    }

    [Fact]
    public void Inlay_hints_show_the_pick_after_a_range_and_a_newer_release_after_an_old_pin()
    {
        const string text = "requests>=2.0\nurllib3==2.0.2\nrequests==2.31.0\n";
        var (workspace, document) = Open(text);
        var hints = new IndexInlayHintProvider().GetInlayHints(new FeatureContext(workspace, document, default), new TextSpan(0, text.Length)).ToList();
        Assert.Equal(["→ 2.32.3 @13", "2.32.3 available @45"], hints.Select(h => $"{h.Label} @{h.Offset}"));
    }

    [Fact]
    public void An_old_pin_can_be_upgraded_as_a_refactoring()
    {
        const string text = "requests==2.31.0\n";
        var (workspace, document) = Open(text);
        var action = Assert.Single(new IndexUpgradeRefactoringProvider().GetRefactorings(new FeatureContext(workspace, document, default), new TextSpan(3, 0)));
        Assert.Equal(CodeActionItem.Refactor, action.Kind);
        Assert.Equal("requests==2.32.3\n", Apply(text, action));
        Assert.Empty(new IndexUpgradeRefactoringProvider().GetRefactorings(new FeatureContext(Open("requests==2.32.3\n").Workspace, Open("requests==2.32.3\n").Document, default), new TextSpan(3, 0)));
    }

    [Fact]
    public void The_hover_names_version_file_index_date_and_how_old_the_cached_answer_is()
    {
        var (workspace, document) = Open("requests>=2.0\n");
        var hover = new IndexHoverProvider(new FixedClock(Now)).GetHover(new FeatureContext(workspace, document, default), 2)!;
        Assert.Equal(
            "**pip in the image** (CPython 3.11 on Linux x86_64 (glibc 2.41))\n\n"
            + "- installs **2.32.3**\n- file: `requests-2.32.3-py3-none-any.whl`\n- from: https://pypi.org/simple/\n- uploaded: 2024-05-29\n- not yanked\n"
            + "- https://pypi.org/simple/: listed, from the cache (5 min old)\n",
            hover.Markdown);
    }

    /// <summary>The REQ06xx messages for <paramref name="requirements"/> with <paramref name="answers"/> as the index's facts.</summary>
    private static List<string> IndexMessages(string requirements, params IndexAnswer[] answers) => IndexMessages("/p/requirements.txt", requirements, answers);

    /// <summary>As above for the file at <paramref name="path"/> (cog.yaml names /p/requirements.txt only).</summary>
    private static List<string> IndexMessages(string path, string requirements, params IndexAnswer[] answers)
    {
        var options = AnalysisOptions.Default with { PackageIndex = PackageIndexSettings.Default with { Enabled = true } };
        var workspace = new TestWorkspace { Options = options }.With("/p/cog.yaml", CogYaml).WithOpen(path, requirements).Snapshot().WithIndexAnswers(answers);
        return [.. new DiagnosticService(LanguageServices.CreateDefault()).GetDiagnostics(workspace, workspace.GetDocument(path)!)
            .Where(d => d.Id.StartsWith("REQ06", StringComparison.Ordinal)).Select(d => $"{d.Id} {d.Message}")];
    }

    /// <summary>A PyPI page whose files are "name" or "name sha256=DIGEST".</summary>
    private static IndexAnswer Listing(string project, params string[] files) =>
        new(new IndexQuery(PyPI, project), IndexAnswerKind.Found,
            new ProjectPage(PyPI, project, [.. files.Select(f => f.Split(" sha256=") is [var name, var digest]
                ? new IndexFile(name, "https://files.example/" + name, null, false, null, null, null) { Hashes = new Dictionary<string, string> { ["sha256"] = digest } }
                : new IndexFile(f, "https://files.example/" + f, null, false, null, null, null))], null),
            null, Now, false, false);

    [Fact]
    public void Only_binary_names_itself_when_the_pinned_version_has_only_a_source_archive()
    {
        const string image = "CPython 3.11 on Linux x86_64 (glibc 2.41)";
        Assert.Equal(
            [$"REQ0604 sdistonly 1.0: no file installs on {image}: it has only a source archive, which --only-binary :all: rules out"],
            IndexMessages("--only-binary :all:\nsdistonly==1.0\n", Listing("sdistonly", "sdistonly-1.0.tar.gz", "sdistonly-0.9-py3-none-any.whl")));
        Assert.Equal(
            [$"REQ0604 sdistonly 1.0: no file installs on {image}: --only-binary sdistonly rules out its source archive, and none of its wheels installs in the image"],
            IndexMessages("--only-binary sdistonly\nsdistonly==1.0\n", Listing("sdistonly", "sdistonly-1.0.tar.gz", "sdistonly-1.0-cp312-cp312-manylinux_2_17_x86_64.whl")));
        Assert.Equal(
            [$"REQ0604 wheelonly 1.0: no file installs on {image}: --no-binary :all: rules out its wheels, and it has no source archive for the image"],
            IndexMessages("--no-binary :all:\nwheelonly==1.0\n", Listing("wheelonly", "wheelonly-1.0-py3-none-any.whl")));
    }

    [Fact]
    public void No_binary_for_a_package_says_that_the_option_makes_pip_build_it()
    {
        var listing = Listing("fastlib", "fastlib-2.0-py3-none-any.whl", "fastlib-2.0.tar.gz");
        const string expected = "REQ0606 fastlib 2.0 has a wheel for CPython 3.11 on Linux x86_64 (glibc 2.41), but --no-binary fastlib rules it out: pip builds it from source in the image";
        Assert.Equal([expected], IndexMessages("fastlib==2.0\n--no-binary fastlib\n", listing));

        // pip applies --no-binary while it parses any line, a requirement line too, for every requirement; but Cog
        // writes a line with a name==version pin as just that, so there the option never reaches pip.
        Assert.Equal([expected], IndexMessages("fastlib==2.0\nrequests>=2 --no-binary fastlib\n", listing, Answers[0]));
        Assert.Empty(IndexMessages("fastlib==2.0\nrequests==2.32.3 --no-binary fastlib\n", listing, Answers[0]));
    }

    [Fact]
    public void A_hash_no_listed_file_of_the_version_matches_fails_the_install()
    {
        var listed = new string('b', 64);
        var listing = Listing("hashed", $"hashed-1.0-py3-none-any.whl sha256={listed}", $"hashed-1.1-py3-none-any.whl sha256={new string('a', 64)}");
        Assert.Equal(
            [$"REQ0609 hashed 1.0: none of its files for the image matches this line's --hash values; pip would download hashed-1.0-py3-none-any.whl (sha256:{listed}) and stop"],
            IndexMessages("/p/requirements-dev.txt", $"hashed==1.0 --hash=sha256:{new string('a', 64)}\n", listing));
        Assert.Empty(IndexMessages("/p/requirements-dev.txt", $"hashed==1.1 --hash=sha256:{new string('a', 64)}\n", listing));

        // In the file cog.yaml names, Cog writes the pin without its hash (REQ0511 says so): pip checks nothing.
        Assert.Empty(IndexMessages($"hashed==1.0 \\\n    --hash=sha256:{new string('a', 64)}\n", listing));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
