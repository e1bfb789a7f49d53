using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Indexes;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.Indexes;

/// <summary>
/// The index rules, hover and fixes on build.python_packages items (COG0760–COG0768, the twins of
/// REQ0601–REQ0610): each item is the line Cog writes for it into the requirements file pip installs, looked
/// up on that file's indexes, with ranges inside the YAML scalar. Answers are placed in the snapshot as facts.
/// </summary>
public class CogYamlIndexTests
{
    private const string Head = "build:\n  python_version: \"3.11\"\n  python_packages:\n";
    private const string CpuIndex = "https://download.pytorch.org/whl/cpu/";
    internal static readonly IndexSource PyPI = new(IndexSourceKind.Simple, IndexSettings.PyPI);
    private static readonly IndexSource Cpu = new(IndexSourceKind.Simple, CpuIndex);
    internal static readonly IndexSource Mirror = new(IndexSourceKind.Simple, "https://mirror.example/simple");
    internal static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    /// <summary>What PyPI lists for the projects of these tests.</summary>
    internal static readonly IndexAnswer[] PyPIAnswers =
    [
        Page(PyPI, "requests", "requests-2.31.0-py3-none-any.whl", "requests-2.32.3-py3-none-any.whl", "requests-2.33.0rc1-py3-none-any.whl"),
        Page(PyPI, "urllib3", "urllib3-2.0.0-py3-none-any.whl yanked=broken", "urllib3-2.0.2-py3-none-any.whl"),
        Page(PyPI, "numpy", "numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"),
        Page(PyPI, "sdistonly", "sdistonly-1.0.tar.gz"),
        Page(PyPI, "wheelsonly", "wheelsonly-1.0-cp311-cp311-win_amd64.whl"),
        NotFound(PyPI, "reqeusts"),
    ];

    /// <summary>A found page; each file is "name [yanked=reason]".</summary>
    internal static IndexAnswer Page(IndexSource source, string project, params string[] files) =>
        new(new IndexQuery(source, project), IndexAnswerKind.Found,
            new ProjectPage(source, project, [.. files.Select(f => f.Split(' ')).Select(f => new IndexFile(f[0], "https://files.example/" + f[0], null, f.Length > 1, f.Length > 1 ? f[1]["yanked=".Length..] : null, new DateTimeOffset(2024, 5, 29, 0, 0, 0, TimeSpan.Zero), 100))], null),
            null, Now.AddMinutes(-5), true, false);

    internal static IndexAnswer NotFound(IndexSource source, string project) =>
        new(new IndexQuery(source, project), IndexAnswerKind.NotFound, null, null, Now, false, false);

    internal static IndexAnswer Unavailable(IndexSource source, string project) =>
        new(new IndexQuery(source, project), IndexAnswerKind.Unavailable, null, "timed out", Now, false, false);

    internal static (WorkspaceSnapshot Workspace, Document Document) Open(string cogYaml, IndexAnswer[]? answers = null)
    {
        var options = AnalysisOptions.Default with { PackageIndex = PackageIndexSettings.Default with { Enabled = true } };
        var (workspace, _) = new TestWorkspace { Options = options }.Open(cogYaml);
        workspace = workspace.WithIndexAnswers(answers ?? PyPIAnswers);
        return (workspace, workspace.GetDocument(TestWorkspace.CogYamlPath)!);
    }

    /// <summary>The index findings (COG076x on python_packages items, COG086x on build.run arguments) on the `[|…|]` spans in order, as "ID 'text under the span': message".</summary>
    internal static IReadOnlyList<Diagnostic> Check(string marked, IndexAnswer[]? answers, params string[] expected)
    {
        var (text, spans, _) = Markup.Parse(marked);
        var (workspace, document) = Open(text, answers);
        var found = new DiagnosticService(LanguageServices.CreateDefault()).GetDiagnostics(workspace, document)
            .Where(d => d.Id.StartsWith("COG076", StringComparison.Ordinal) || d.Id.StartsWith("COG086", StringComparison.Ordinal)).OrderBy(d => d.Span.Start).ToList();
        Assert.Equal(expected, found.Select(d => $"{d.Id} '{text.Substring(d.Span.Start, d.Span.Length)}': {d.Message}"));
        Assert.Equal(spans, found.Select(d => d.Span));
        return found;
    }

    internal static List<CodeActionItem> Fixes(string cogYaml, string id, IndexAnswer[]? answers = null)
    {
        var (workspace, document) = Open(cogYaml, answers);
        var services = LanguageServices.CreateDefault();
        var diagnostics = new DiagnosticService(services);
        var service = new CodeActionService(services, diagnostics);
        return diagnostics.GetDiagnostics(workspace, document).Where(d => d.Id == id).SelectMany(d => service.FixesFor(workspace, document, d, default)).ToList();
    }

    internal static string Apply(string text, CodeActionItem action) =>
        SourceText.From(text).WithChanges(Assert.IsType<EditFileChange>(Assert.Single(action.ComputeEdit(default).Changes)).Changes).ToString();

    // ---- Each rule on an item, plain and quoted

    [Fact]
    public void Each_rule_marks_the_item_it_is_about_inside_its_quotes()
    {
        Check(
            Head
            + "    - requests[|==2.99.0|]\n"
            + "    - \"[|reqeusts==1.0|]\"\n"
            + "    - 'numpy[|>=9|]'\n"
            + "    - [|wheelsonly==1.0|]\n"
            + "    - \"urllib3[|==2.0.0|]\"  # pinned on purpose\n"
            + "    - '[|sdistonly==1.0|]'\n",
            null,
            "COG0761 '==2.99.0': requests: no consulted index lists version 2.99.0 (nearest: 2.32.3)",
            "COG0762 'reqeusts==1.0': reqeusts: every index pip reads here answered that it has no such package (https://pypi.org/simple/)",
            "COG0763 '>=9': numpy: no version on the index satisfies '>=9' (newest listed: 1.26.4)",
            "COG0764 'wheelsonly==1.0': wheelsonly 1.0: no file installs on CPython 3.11 on Linux x86_64 (glibc 2.41): only wheels for other Pythons or platforms (e.g. wheelsonly-1.0-cp311-cp311-win_amd64.whl) and no source archive",
            "COG0765 '==2.0.0': urllib3 2.0.0 was yanked from the index: \"broken\"",
            "COG0766 'sdistonly==1.0': sdistonly 1.0 has no wheel for CPython 3.11 on Linux x86_64 (glibc 2.41): pip builds it from source in the image");
    }

    [Fact]
    public void Nothing_is_said_before_the_index_has_answered_but_the_items_are_demanded()
    {
        Check(Head + "    - requests==2.99.0\n    - \"urllib3==2.0.0\"\n", []);
        var (workspace, document) = Open(Head + "    - requests==2.99.0\n    - \"urllib3==2.0.0\"\n    - cog==0.9.0\n", []);
        Assert.Equal(["https://pypi.org/simple/ requests", "https://pypi.org/simple/ urllib3"], IndexDemands.Collect(workspace, [document]).Select(q => $"{q.Source.Url} {q.Project}"));
    }

    [Fact]
    public void An_index_that_did_not_answer_leaves_one_note_on_the_first_item_it_concerns() =>
        Check(
            Head + "    - numpy==1.26.4\n    - \"[|requests==2.31.0|]\"\n",
            [.. PyPIAnswers.Where(a => a.Query.Project != "requests"), Unavailable(PyPI, "requests")],
            "COG0760 'requests==2.31.0': Could not check requests against the package index: https://pypi.org/simple/: timed out");

    [Fact]
    public void An_item_with_an_index_option_is_looked_up_on_that_index_as_well()
    {
        // Cog writes `requests==2.99.0` and moves the index to a line of its own: pip reads it for every item.
        const string item = "    - \"requests[|==2.99.0|] --extra-index-url=https://mirror.example/simple\"\n";
        Check(
            Head + item,
            [.. PyPIAnswers, NotFound(Mirror, "requests")],
            "COG0761 '==2.99.0': requests: no consulted index lists version 2.99.0 (nearest: 2.32.3)");
        var (workspace, document) = Open(Head + item.Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal));
        Assert.Equal(["https://pypi.org/simple/ requests", "https://mirror.example/simple requests"], IndexDemands.Collect(workspace, [document]).Select(q => $"{q.Source.Url} {q.Project}"));
    }

    [Fact]
    public void An_index_option_item_applies_to_the_other_items()
    {
        // A verbatim `--index-url` item replaces PyPI for the whole file Cog writes.
        var (workspace, document) = Open(Head + "    - --index-url https://mirror.example/simple\n    - requests==2.31.0\n", []);
        Assert.Equal(["https://mirror.example/simple requests"], IndexDemands.Collect(workspace, [document]).Select(q => $"{q.Source.Url} {q.Project}"));
    }

    [Fact]
    public void A_pre_item_lets_pip_pick_a_pre_release_for_the_other_items()
    {
        var (workspace, document) = Open(Head + "    - --pre\n    - 'requests>=2.0'\n");
        var lookup = Assert.Single(CogYamlIndexLookups.For(workspace, document));
        Assert.Equal("2.33.0rc1", IndexPicks.Get(workspace, lookup)?.Picked?.Version.ToString());
    }

    [Fact]
    public void Items_are_not_looked_up_when_cog_refuses_them_beside_python_requirements()
    {
        var (workspace, document) = Open("build:\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n  python_packages:\n    - requests==2.99.0\n", []);
        Assert.Empty(IndexDemands.Collect(workspace, [document]));
    }

    // ---- torch, as Cog rewrites it

    [Fact]
    public void A_torchvision_item_is_judged_as_the_build_cog_installs()
    {
        // CPU build on x86_64: Cog's table has torchvision 0.13.1+cpu (with torch 1.12.1+cpu): Cog writes that
        // and adds the PyTorch CPU index, which has it for cp310 only.
        Check(
            Head + "    - [|torchvision==0.13.1|]\n",
            [Page(PyPI, "torchvision", "torchvision-0.13.1-cp311-cp311-manylinux1_x86_64.whl"), Page(Cpu, "torchvision", "torchvision-0.13.1+cpu-cp310-cp310-linux_x86_64.whl")],
            "COG0767 'torchvision==0.13.1': Cog installs torchvision==0.13.1+cpu from https://download.pytorch.org/whl/cpu/, which has no file of it for CPython 3.11 on Linux x86_64 (glibc 2.41)");
    }

    [Fact]
    public void A_torch_build_taken_from_another_index_than_cogs_is_named()
    {
        // Cog writes torch==2.1.0 (its table's 2.1.0+cpu without the local label) and adds the CPU index; with no
        // cp311 file there, pip takes PyPI's build.
        Check(
            Head + "    - '[|torch==2.1.0|]'\n",
            [Page(PyPI, "torch", "torch-2.1.0-cp311-cp311-manylinux1_x86_64.whl"), Page(Cpu, "torch", "torch-2.1.0+cpu-cp310-cp310-linux_x86_64.whl")],
            "COG0768 'torch==2.1.0': Cog adds https://download.pytorch.org/whl/cpu/ for the CUDA chosen build, but pip in the image takes torch-2.1.0-cp311-cp311-manylinux1_x86_64.whl from https://pypi.org/simple/");
    }

    // ---- Hover

    [Fact]
    public void The_item_hover_ends_with_what_pip_picks_in_the_image()
    {
        var (text, _, cursor) = Markup.Parse(Head + "    - \"requ$0ests>=2.0\"\n");
        var (workspace, document) = Open(text);
        var hover = new PythonPackageItemHoverProvider(ProjectCogConfigProvider.Instance, new FixedClock(Now)).GetHover(new FeatureContext(workspace, document, default), cursor)!;
        Assert.EndsWith(
            "\n\n---\n\n**pip in the image** (CPython 3.11 on Linux x86_64 (glibc 2.41))\n\n"
            + "- installs **2.32.3**\n- file: `requests-2.32.3-py3-none-any.whl`\n- from: https://pypi.org/simple/\n- uploaded: 2024-05-29\n- not yanked\n"
            + "- https://pypi.org/simple/: listed, from the cache (5 min old)\n",
            hover.Markdown);
    }

    // ---- Fixes edit the scalar and keep its quoting

    [Theory]
    [InlineData("    - requests==2.99.0  # http\n", "    - requests==2.32.3  # http\n")]
    [InlineData("    - \"requests==2.99.0\"  # http\n", "    - \"requests==2.32.3\"  # http\n")]
    [InlineData("    - 'requests ==  2.99.0'\n", "    - 'requests ==2.32.3'\n")]
    [InlineData("    - \"requests==2.99.0 --extra-index-url=https://mirror.example/simple\"\n", "    - \"requests==2.32.3 --extra-index-url=https://mirror.example/simple\"\n")]
    public void A_missing_pin_is_replaced_with_the_nearest_listed_version(string item, string expected)
    {
        var fix = Assert.Single(Fixes(Head + item, "COG0761", [.. PyPIAnswers, NotFound(Mirror, "requests")]));
        Assert.Equal(Head + expected, Apply(Head + item, fix));
    }

    [Fact]
    public void A_yanked_pin_is_offered_the_nearest_release_that_was_not_yanked()
    {
        const string text = Head + "    - 'urllib3==2.0.0'\n";
        var fix = Assert.Single(Fixes(text, "COG0765"));
        Assert.Equal("Change ==2.0.0 to ==2.0.2", fix.Title);
        Assert.Equal(Head + "    - 'urllib3==2.0.2'\n", Apply(text, fix));
    }

    [Fact]
    public void No_version_fix_where_the_scalar_does_not_map_exactly()
    {
        // A block scalar: the finding covers the whole item, and nothing there can be replaced safely.
        const string marked = Head + "    - [||\n      requests==2.99.0\n|]";
        Assert.Single(Check(marked, null, "COG0761 '|\n      requests==2.99.0\n': requests: no consulted index lists version 2.99.0 (nearest: 2.32.3)"));
        Assert.Empty(Fixes(Markup.Parse(marked).Text, "COG0761"));
    }

    [Fact]
    public void A_range_item_can_be_pinned_to_what_pip_installs_in_the_image()
    {
        const string text = Head + "    - \"requests>=2.0\"\n";
        var fix = Assert.Single(Fixes(text, "COG0721"), f => f.Title.Contains("what pip installs", StringComparison.Ordinal));
        Assert.Equal("Pin requests==2.32.3 (what pip installs in the image)", fix.Title);
        Assert.Equal(Head + "    - \"requests==2.32.3\"\n", Apply(text, fix));
    }

    [Theory]
    [InlineData("    - 'requ$0ests==2.31.0'  # old\n", "    - 'requests==2.32.3'  # old\n")]
    [InlineData("    - requests===2.31.0$0\n", "    - requests===2.32.3\n")]
    [InlineData("  run:\n    - pip install \"requests==2.31.0$0\" numpy\n", "  run:\n    - pip install \"requests==2.32.3\" numpy\n")]
    public void An_old_pin_can_be_upgraded_as_a_refactoring(string item, string expected)
    {
        var (text, _, cursor) = Markup.Parse(Head + item);
        var (workspace, document) = Open(text);
        var context = new FeatureContext(workspace, document, default);
        var action = Assert.Single(LanguageServices.CreateDefault().RefactoringProviders.Where(p => p.Kind == DocumentKind.CogYaml)
            .SelectMany(p => p.GetRefactorings(context, new TextSpan(cursor, 0))), a => a.Title.StartsWith("Upgrade", StringComparison.Ordinal));
        Assert.Equal("Upgrade requests to 2.32.3 (newest for the image)", action.Title);
        Assert.Equal(CodeActionItem.Refactor, action.Kind);
        Assert.Equal(Head + expected, Apply(text, action));
    }

    // ---- Completion and inlay hints

    [Theory]
    [InlineData("    - \"requests==$0\"\n", "")]
    [InlineData("    - 'requests >= 2.3$0'  # http\n", "2.3")]
    [InlineData("    - requests~=$0\n", "")]
    public void Versions_are_completed_after_an_operator_inside_an_item(string item, string typed)
    {
        var (text, _, cursor) = Markup.Parse(Head + item);
        var (workspace, document) = Open(text);
        var context = new FeatureContext(workspace, document, default);
        var versions = LanguageServices.CreateDefault().CompletionProviders.Where(p => p.Kind == DocumentKind.CogYaml)
            .SelectMany(p => p.GetCompletions(context, cursor)).Where(c => c.Kind == CompletionKind.Value).ToList();
        Assert.Equal(["2.33.0rc1 pre-release", "2.32.3 installs in the image", "2.31.0 installs in the image"], versions.Select(c => $"{c.Label} {c.Detail}"));
        Assert.All(versions, c => Assert.Equal(new TextSpan(cursor - typed.Length, typed.Length), c.ReplaceSpan));
    }

    [Fact]
    public void Inlay_hints_stand_after_the_item_as_written()
    {
        const string marked = Head + "    - \"requests>=2.0\"$0  # any\n    - urllib3==2.0.2\n    - 'requests==2.31.0'$0\n";
        var parsed = Markup.Parse(marked.Replace("$0", "", StringComparison.Ordinal));
        var ends = new[] { marked.IndexOf("$0", StringComparison.Ordinal), marked.LastIndexOf("$0", StringComparison.Ordinal) - 2 };
        var (workspace, document) = Open(parsed.Text);
        var context = new FeatureContext(workspace, document, default);
        var hints = LanguageServices.CreateDefault().InlayHintProviders.Where(p => p.Kind == DocumentKind.CogYaml)
            .SelectMany(p => p.GetInlayHints(context, new TextSpan(0, parsed.Text.Length))).Where(h => h.Label.Contains("2.3", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"→ 2.32.3 @{ends[0]}", $"2.32.3 available @{ends[1]}"], hints.Select(h => $"{h.Label} @{h.Offset}"));
    }

    internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
