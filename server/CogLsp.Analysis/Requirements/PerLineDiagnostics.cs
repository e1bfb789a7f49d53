using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// Runs an analysis whose findings for a line depend on that line alone (hold one instance per analysis
/// in a static field: each takes one of the lines' memo slots), remembering them on the line
/// object. The incremental parser reuses every line an edit did not touch, so a keystroke re-analyses
/// only the lines it changed: a line without findings is reused wherever it now stands; a line with
/// findings is reused as it is when it has not moved, and with its spans moved when it has (its spans are
/// document offsets; findings that point at other places are analysed again instead).
/// </summary>
public sealed class PerLineDiagnostics(LineFlags interest, PerLineDiagnostics.AnalyzeLine analyzeLine)
{
    private readonly int _slot = RequirementsLine.AllocateMemoSlot();

    /// <summary>Reports the findings of line (only lines whose summary has any of the flags of interest are analysed) <paramref name="index"/> of <paramref name="tree"/> into <paramref name="sink"/>.</summary>
    public delegate void AnalyzeLine(AnalysisContext context, RequirementsSyntaxTree tree, int index, List<Diagnostic> sink);

    public void Run(AnalysisContext context)
    {
        var tree = RequirementsDocument.GetSyntax(context.Document);
        var path = context.Document.Path;
        List<Diagnostic>? sink = null;
        foreach (var (i, line, start, _, _) in tree.LinesWith(interest))
        {
            var memo = line.GetMemo(_slot) as Entry;
            if (memo is not null && (memo.Diagnostics.IsEmpty || (memo.Start == start && memo.Path == path)))
            {
                foreach (var diagnostic in memo.Diagnostics)
                {
                    context.Report(diagnostic);
                }

                continue;
            }

            if (memo is not null && memo.Path == path && memo.Diagnostics.All(d => d.Related.IsDefaultOrEmpty))
            {
                // The line moved (an edit before it changed its start): its findings are the same, moved with it.
                var delta = start - memo.Start;
                var shifted = memo.Diagnostics.Select(d => d with { Span = new TextSpan(d.Span.Start + delta, d.Span.Length) }).ToImmutableArray();
                line.SetMemo(_slot, new Entry(start, path, shifted));
                foreach (var diagnostic in shifted)
                {
                    context.Report(diagnostic);
                }

                continue;
            }

            sink ??= [];
            sink.Clear();
            analyzeLine(context, tree, i, sink);
            line.SetMemo(_slot, sink.Count == 0 ? Entry.None : new Entry(start, path, [.. sink]));
            foreach (var diagnostic in sink)
            {
                context.Report(diagnostic);
            }
        }
    }

    private sealed record Entry(int Start, string Path, ImmutableArray<Diagnostic> Diagnostics)
    {
        public static Entry None { get; } = new(-1, string.Empty, []);
    }
}
