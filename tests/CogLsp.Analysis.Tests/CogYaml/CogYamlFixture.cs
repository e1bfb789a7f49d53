using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Tests.CogYaml;

/// <summary>Fixtures: a cog.yaml text with `$0` for a cursor and `[|…|]` for expected spans, in a project at /p.</summary>
internal static class CogYamlFixture
{
    public const string CogYamlPath = TestWorkspace.CogYamlPath;

    /// <summary>The shared markup reader, under the name the cog.yaml tests have used.</summary>
    public static MarkedText Unmark(string marked) => Markup.Parse(marked);

    public static (WorkspaceSnapshot Workspace, Document Document) Open(string text, params (string Path, string Text)[] files) =>
        new TestWorkspace().With(files).Open(text);

    public static IReadOnlyList<Diagnostic> GetDiagnostics(string text, params (string Path, string Text)[] files) =>
        new TestWorkspace().With(files).Diagnostics(text);

    /// <summary>
    /// Runs every cog.yaml analyzer and checks that the diagnostics with the IDs in <paramref name="expected"/>
    /// are exactly those, on the `[|…|]` spans in order; a fixture without those marks expects none of the
    /// IDs. Every other diagnostic must be declared where it appears, as `{|ID:…|}`, so a test names the rule
    /// it is about and still fails when something else turns up.
    /// </summary>
    public static IReadOnlyList<Diagnostic> CheckDiagnostics(string marked, string[] expected, params (string Path, string Text)[] files)
    {
        var fixture = Markup.Parse(marked);
        var (text, spans, _) = fixture;
        var ids = expected.ToHashSet();
        if (spans.Count == 0)
        {
            expected = [];
        }

        var all = GetDiagnostics(text, files);
        string Describe(IEnumerable<Diagnostic> diagnostics) =>
            string.Join("\n", diagnostics.Select(d => $"{d.Id} {d.Span} '{text.Substring(d.Span.Start, d.Span.Length)}': {d.Message}"));

        var actual = all.Where(d => ids.Contains(d.Id)).OrderBy(d => d.Span.Start).ToList();
        var describe = Describe(actual);
        Assert.True(expected.Length == actual.Count, $"Expected {expected.Length} diagnostics, got:\n{describe}");
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i] == actual[i].Id && spans[i] == actual[i].Span, $"Diagnostic {i}: expected {expected[i]} at {spans[i]}, got:\n{describe}");
        }

        var others = all.Where(d => !ids.Contains(d.Id)).Select(d => (d.Id, d.Span)).OrderBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal);
        var declared = fixture.NamedSpans.OrderBy(n => n.Span.Start).ThenBy(n => n.Name, StringComparer.Ordinal);
        Assert.True(others.SequenceEqual(declared), $"Diagnostics of other rules differ from the {{|ID:…|}} marks; got:\n{Describe(all.Where(d => !ids.Contains(d.Id)))}");
        return actual;
    }
}
