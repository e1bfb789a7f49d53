using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Requirements;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// Runs an analysis whose findings for a line depend on that line alone, and remembers them per line
/// object (in a table of this instance's, so the line itself stays a value). The analysis gets only the
/// line, so a remembered finding can never depend on the workspace, the file or the line's position.
/// The incremental parser reuses every line an edit did not touch, so a keystroke analyses only the
/// lines it changed; the findings of the others are only placed where their lines now stand.
/// <see cref="Analyze"/> serves lines that come from elsewhere than a requirements file, too.
/// </summary>
public sealed class PerLineDiagnostics(LineFlags interest, PerLineDiagnostics.AnalyzeLine analyzeLine)
{
    /// <summary>
    /// Findings per line object. A table entry lives as long as its line, and lines live as long as a
    /// tree holds them, so nothing needs evicting.
    /// </summary>
    private readonly ConditionalWeakTable<RequirementsLine, Entry> _entries = [];

    /// <summary>Reports the findings of <paramref name="line"/> (spans relative to the line) into <paramref name="sink"/>.</summary>
    public delegate void AnalyzeLine(RequirementsLine line, List<LineFinding> sink);

    /// <summary>The findings of <paramref name="line"/> (none when its summary has none of the flags of interest); memoised per line object.</summary>
    public ImmutableArray<LineFinding> Analyze(RequirementsLine line) =>
        (line.Flags & interest) == 0 ? [] : GetEntry(line).Findings;

    /// <summary>Reports the findings of every line of the context's requirements document.</summary>
    public void Run(AnalysisContext context)
    {
        var tree = RequirementsDocument.GetSyntax(context.Document);
        var path = context.Document.Path;
        foreach (var (_, line, start, _, _) in tree.LinesWith(interest))
        {
            var entry = GetEntry(line);
            if (entry.Findings.IsEmpty)
            {
                continue;
            }

            foreach (var diagnostic in entry.Place(path, start))
            {
                context.Report(diagnostic);
            }
        }
    }

    private Entry GetEntry(RequirementsLine line)
    {
        if (_entries.TryGetValue(line, out var entry))
        {
            return entry;
        }

        var sink = new List<LineFinding>();
        analyzeLine(line, sink);
        return _entries.GetValue(line, _ => new Entry([.. sink]));
    }

    /// <summary>
    /// One line's findings, and the diagnostics they were last placed as. The placement is a pure
    /// function of the findings, the path and the start, remembered so an unmoved line costs nothing;
    /// a race between two placements only places twice.
    /// </summary>
    private sealed class Entry(ImmutableArray<LineFinding> findings)
    {
        private Placement? _last;

        public ImmutableArray<LineFinding> Findings { get; } = findings;

        public ImmutableArray<Diagnostic> Place(string path, int start)
        {
            if (Volatile.Read(ref _last) is { } last && last.Start == start && string.Equals(last.Path, path, StringComparison.Ordinal))
            {
                return last.Diagnostics;
            }

            var placed = ImmutableArray.CreateBuilder<Diagnostic>(Findings.Length);
            foreach (var finding in Findings)
            {
                placed.Add(finding.Place(path, start));
            }

            var result = placed.MoveToImmutable();
            Volatile.Write(ref _last, new Placement(path, start, result));
            return result;
        }

        private sealed record Placement(string Path, int Start, ImmutableArray<Diagnostic> Diagnostics);
    }
}
