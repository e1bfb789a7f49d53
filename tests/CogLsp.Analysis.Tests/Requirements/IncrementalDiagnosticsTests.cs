using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Requirements;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.Requirements;

/// <summary>
/// Everything incremental at once: chunked texts, re-parsed lines, line memos, name counts handed from
/// tree to tree and spliced Cog resolutions. After every edit of a long file, the diagnostics of the
/// edited document must be those of the same text opened afresh.
/// </summary>
public class IncrementalDiagnosticsTests
{
    private static readonly string[] Lines =
    [
        "numpy==1.26.4", "requests>=2", "Flask", "pandas==2.2.2 ; python_version < \"3.12\"", "numpy==1.26.4",
        "torch==2.1.0", "-e ./local", "--hash=sha256:00", "foo==1.0 --hash=sha256:abc", "# comment", "",
        "bar==${VERSION}", "./dist/x.whl", "baz==1.0  # cog-lsp: ignore[REQ0201]", "qux>=1,<2", "Django==4.2 \\",
    ];

    private static readonly string[] Inserts = ["x", "\n", "==1.0", ">=", "numpy==1.0\n", "# cog-lsp: ignore[REQ0201]\n", "\\\n", "torch", " ; sys_platform == \"linux\"", ""];

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void Diagnostics_after_edits_equal_those_of_the_text_opened_afresh(int seed, bool distinctNames)
    {
        // With distinct names, duplicates appear and disappear only through the edits.
        var random = new Random(seed);
        var services = LanguageServices.CreateDefault();
        var text = string.Join("\n", Enumerable.Range(0, 600).Select(i => distinctNames ? $"pkg{i}==1.0" : Lines[random.Next(Lines.Length)])) + "\n";
        var workspace = Project(text).Snapshot().WithOpenDocument(RequirementsTestWorkspace.Path, SourceText.Verbatim(text, chunkSize: 64), 1, DocumentKind.Requirements);
        var service = new DiagnosticService(services);
        _ = service.GetDiagnostics(workspace, workspace.OpenDocuments[RequirementsTestWorkspace.Path]);
        for (var step = 0; step < 60; step++)
        {
            var document = workspace.OpenDocuments[RequirementsTestWorkspace.Path];
            var start = random.Next(text.Length + 1);
            var change = new TextChange(new TextSpan(start, random.Next(Math.Min(4, text.Length - start) + 1)), Inserts[random.Next(Inserts.Length)]);
            text = string.Concat(text.AsSpan(0, change.Span.Start), change.NewText, text.AsSpan(change.Span.End));
            workspace = workspace.WithOpenDocument(RequirementsTestWorkspace.Path, document.Text.WithChanges([change]), step + 2, DocumentKind.Requirements);
            var edited = workspace.OpenDocuments[RequirementsTestWorkspace.Path];
            RequirementsDocument.GetSyntax(edited);
            var incremental = service.GetDiagnostics(workspace, edited);

            var (fresh, opened) = Project(text).Open(text);
            var expected = new DiagnosticService(services).GetDiagnostics(fresh, opened);
            Assert.Equal(Describe(expected), Describe(incremental));
        }
    }

    private static RequirementsTestWorkspace Project(string text) => new RequirementsTestWorkspace()
        .With("/p/cog.yaml", RequirementsTestWorkspace.CogYamlNamingIt)
        .With("/p/requirements.txt", text)
        .With("/p/predict.py", "class Predictor: pass\n");

    private static List<string> Describe(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics
            .Select(d => $"{d.Id} {d.Span} {d.Severity} {d.Message} [{string.Join("; ", (d.Related.IsDefault ? [] : d.Related).Select(r => $"{r.Path} {r.Span} {r.Message}"))}]")
            .Order(StringComparer.Ordinal)];
}
