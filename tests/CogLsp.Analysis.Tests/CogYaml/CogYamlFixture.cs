using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.CogYaml;

/// <summary>Fixtures: a cog.yaml text with `$0` for a cursor and `[|…|]` for expected spans, in a project at /p.</summary>
internal static class CogYamlFixture
{
    public const string CogYamlPath = "/p/cog.yaml";

    public static (string Text, List<TextSpan> Spans, int Cursor) Unmark(string marked)
    {
        var spans = new List<TextSpan>();
        var builder = new System.Text.StringBuilder();
        var starts = new Stack<int>();
        var cursor = -1;
        for (var i = 0; i < marked.Length; i++)
        {
            if (string.CompareOrdinal(marked, i, "[|", 0, 2) == 0)
            {
                starts.Push(builder.Length);
                i++;
            }
            else if (string.CompareOrdinal(marked, i, "|]", 0, 2) == 0)
            {
                spans.Add(TextSpan.FromBounds(starts.Pop(), builder.Length));
                i++;
            }
            else if (string.CompareOrdinal(marked, i, "$0", 0, 2) == 0)
            {
                cursor = builder.Length;
                i++;
            }
            else
            {
                builder.Append(marked[i]);
            }
        }

        return (builder.ToString(), spans, cursor);
    }

    public static (WorkspaceSnapshot Workspace, Document Document) Open(string text, params (string Path, string Text)[] files)
    {
        var fs = new InMemoryFileSystem();
        foreach (var (path, content) in files)
        {
            fs.Add(path, content);
        }

        var workspace = WorkspaceSnapshot.Create(fs, ["/p"]).WithOpenDocument(CogYamlPath, SourceText.From(text), 1);
        return (workspace, workspace.GetDocument(CogYamlPath)!);
    }

    public static IReadOnlyList<Diagnostic> GetDiagnostics(string text, params (string Path, string Text)[] files)
    {
        var (workspace, document) = Open(text, files);
        return new DiagnosticService(LanguageServices.CreateDefault()).GetDiagnostics(workspace, document);
    }

    /// <summary>
    /// Runs every cog.yaml analyzer and checks that the diagnostics with the IDs in <paramref name="expected"/>
    /// are exactly those, on the marked spans in order. Diagnostics with other IDs are ignored unless
    /// listed, so each test states only the rule it is about. A fixture without marks expects none of the IDs.
    /// </summary>
    public static IReadOnlyList<Diagnostic> CheckDiagnostics(string marked, string[] expected, params (string Path, string Text)[] files)
    {
        var (text, spans, _) = Unmark(marked);
        var ids = expected.ToHashSet();
        if (spans.Count == 0)
        {
            expected = [];
        }

        var actual = GetDiagnostics(text, files).Where(d => ids.Contains(d.Id)).OrderBy(d => d.Span.Start).ToList();
        var describe = string.Join("\n", actual.Select(d => $"{d.Id} {d.Span} '{text.Substring(d.Span.Start, d.Span.Length)}': {d.Message}"));
        Assert.True(expected.Length == actual.Count, $"Expected {expected.Length} diagnostics, got:\n{describe}");
        var ordered = spans.OrderBy(s => s.Start).ToList();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i] == actual[i].Id && ordered[i] == actual[i].Span, $"Diagnostic {i}: expected {expected[i]} at {ordered[i]}, got:\n{describe}");
        }

        return actual;
    }
}
