using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Indexes;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.Indexes;

/// <summary>
/// Typing with the index on reuses work across keystrokes: the plan while only plain lines change, each
/// line's findings while the line is unchanged, and the file's findings by moving the lines an edit did not
/// touch. After every keystroke of a long random session, the index diagnostics and lookups must equal
/// those of the same text analysed from scratch (a new workspace, whose config has no remembered plan).
/// </summary>
public class IndexIncrementalTests
{
    private const string CogYaml = "build:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n";
    private static readonly IndexSource PyPI = new(IndexSourceKind.Simple, IndexSettings.PyPI);
    private static readonly AnalysisOptions Options = AnalysisOptions.Default with { PackageIndex = PackageIndexSettings.Default with { Enabled = true } };

    /// <summary>requests lists 2.31.0 and 2.32.3, urllib3 a yanked 2.0.0, flaky could not be read.</summary>
    private static readonly IndexAnswer[] Answers =
    [
        Found("requests", "requests-2.31.0-py3-none-any.whl", "requests-2.32.3-py3-none-any.whl"),
        Found("urllib3", "urllib3-2.0.0-py3-none-any.whl yanked", "urllib3-2.0.2-py3-none-any.whl"),
        Found("slow", "slow-1.0.tar.gz"),
        new(new IndexQuery(PyPI, "flaky"), IndexAnswerKind.Unavailable, null, "timed out", DateTimeOffset.UnixEpoch, false, false),
        new(new IndexQuery(PyPI, "nowhere"), IndexAnswerKind.NotFound, null, null, DateTimeOffset.UnixEpoch, false, false),
    ];

    private static readonly string[] Insertions =
    [
        "x", "1", "=", "\n", " ", "#", "\\\n", "requests==2.99.0\n", "urllib3==2.0.0\n", "slow\n", "flaky==1\n", "nowhere\n",
        "torch==2.1.0\n", "--pre\n", "--index-url https://mirror.example/simple\n", "requests>=9\n", "requests==2.32.3\n",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void A_typing_session_gives_what_a_fresh_analysis_gives(int seed)
    {
        var random = new Random(seed);
        var text = "requests==2.99.0\nurllib3==2.0.0  # pinned\n# notes\nslow\nflaky==1\n\nnowhere\nrequests==2.32.3\n";
        var workspace = new TestWorkspace { Options = Options }.With("/p/cog.yaml", CogYaml).WithOpen("/p/requirements.txt", text).Snapshot().WithIndexAnswers(Answers);
        var diagnostics = new DiagnosticService(LanguageServices.CreateDefault());
        var findings = 0;
        for (var step = 0; step < 300; step++)
        {
            var document = workspace.GetDocument("/p/requirements.txt")!;
            var change = random.Next(3) == 0 && document.Text.Length > 0
                ? Deletion(random, document.Text.Length)
                : new TextChange(new TextSpan(random.Next(document.Text.Length + 1), 0), Insertions[random.Next(Insertions.Length)]);
            workspace = workspace.WithOpenDocument("/p/requirements.txt", document.Text.WithChanges([change]), step + 2);
            var typed = workspace.GetDocument("/p/requirements.txt")!;

            var fresh = new TestWorkspace { Options = Options }.With("/p/cog.yaml", CogYaml).WithOpen("/p/requirements.txt", typed.Text.ToString()).Snapshot().WithIndexAnswers(Answers);
            var expected = Describe(new DiagnosticService(LanguageServices.CreateDefault()).GetDiagnostics(fresh, fresh.GetDocument("/p/requirements.txt")!));
            var actual = Describe(diagnostics.GetDiagnostics(workspace, typed));
            Assert.True(expected == actual, $"step {step}, text:\n{typed.Text}\nexpected:\n{expected}\nactual:\n{actual}");
            var (expectedLookups, actualLookups) = (Lookups(fresh, fresh.GetDocument("/p/requirements.txt")!), Lookups(workspace, typed));
            Assert.True(expectedLookups == actualLookups, $"step {step}, before:\n{document.Text}\nchange {change.Span} '{change.NewText}'\ntext:\n{typed.Text}\nexpected:\n{expectedLookups}\nactual:\n{actualLookups}");
            findings += expected.Length == 0 ? 0 : expected.Split('\n').Length;

            // What an editor asks for one screenful: the lookups of the lines that meet the range, no more, no fewer.
            var (a, b) = (random.Next(typed.Text.Length + 1), random.Next(typed.Text.Length + 1));
            var range = TextSpan.FromBounds(Math.Min(a, b), Math.Max(a, b));
            var tree = CogLsp.Analysis.Requirements.RequirementsDocument.GetSyntax(typed);
            var (firstLine, lastLine) = (tree.GetLineIndex(range.Start), tree.GetLineIndex(range.End));
            Assert.Equal(
                Describe(IndexLookups.For(workspace, typed).Where(l => l.Line >= firstLine && l.Line <= lastLine)),
                Describe(IndexLookups.Within(workspace, typed, range)));
        }

        // The session is worth something only if there was something to find along the way.
        Assert.True(findings > 100, $"only {findings} findings in the session");
    }

    [Fact]
    public void A_continued_line_above_torch_does_not_shift_Cogs_reading_of_it()
    {
        // Cog numbers physical lines, the file's lines are logical ones: the torch line must still get the CUDA index Cog adds for it.
        var plain = Torch("requests>=9\ntorch==2.1.0\n");
        var continued = Torch("requests>\\\n=9\ntorch==2.1.0\n");
        Assert.Equal(["https://download.pytorch.org/whl/cu121/"], plain.CogSources.ToArray());
        Assert.Equal((plain.Specifier.ToString(), plain.RewrittenByCog, string.Join(' ', plain.CogSources)), (continued.Specifier.ToString(), continued.RewrittenByCog, string.Join(' ', continued.CogSources)));

        static IndexLookup Torch(string text)
        {
            var workspace = new TestWorkspace { Options = Options }.With("/p/cog.yaml", CogYaml).WithOpen("/p/requirements.txt", text).Snapshot();
            return IndexLookups.For(workspace, workspace.GetDocument("/p/requirements.txt")!).Single(l => l.Project == "torch");
        }
    }

    private static TextChange Deletion(Random random, int length)
    {
        var start = random.Next(length);
        return new TextChange(new TextSpan(start, Math.Min(length - start, 1 + random.Next(6))), string.Empty);
    }

    private static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join('\n', diagnostics.Where(d => d.Id.StartsWith("REQ06", StringComparison.Ordinal)).Select(d => $"{d.Id} {d.Span} {d.Message}"));

    private static string Lookups(WorkspaceSnapshot workspace, Document document) => Describe(IndexLookups.For(workspace, document));

    private static string Describe(IEnumerable<IndexLookup> lookups) =>
        string.Join('\n', lookups.Select(l => $"{l.Line} {l.Span} {l.SpecifierSpan} {l.Project}{l.Specifier} {string.Join(' ', l.Sources.Select(s => s.Url))} {l.Target} {l.Pre} {l.RewrittenByCog} {string.Join(' ', l.CogSources)}"));

    private static IndexAnswer Found(string project, params string[] files) =>
        new(new IndexQuery(PyPI, project), IndexAnswerKind.Found, new ProjectPage(PyPI, project, [.. files.Select(f => f.Split(' ')).Select(f => new IndexFile(f[0], "https://files.example/" + f[0], null, f.Length > 1, f.Length > 1 ? "broken" : null, null, null))], null), null, DateTimeOffset.UnixEpoch, false, false);
}
