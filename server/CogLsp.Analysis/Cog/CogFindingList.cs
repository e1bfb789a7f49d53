using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// The findings of one resolution as they are found, placed on the source: a requirements text (spans
/// absolute, lines and columns from its line map) or python_packages entries (spans relative to the
/// entry, the entry index as the line). <see cref="Sorted"/> orders them by position, then kind; the
/// sort is stable, so findings of one kind on one position keep the order they were found in.
/// </summary>
internal sealed class CogFindingList(SourceText? source)
{
    private readonly List<CogFinding> _findings = [];

    /// <summary>A finding on <paramref name="length"/> characters of <paramref name="line"/>'s text from <paramref name="start"/>.</summary>
    public void Add(CogFindingKind kind, DiagnosticSeverity severity, CogLogicalLine line, int start, int length, string message, string? fix = null)
    {
        var span = line.SourceSpan(start, length);
        _findings.Add(new CogFinding(kind, severity, line.FromPythonPackages ? line.Index : LineOf(span.Start), line.FromPythonPackages ? span.Start : Column(span), span, message)
        {
            Fix = fix,
            InPythonPackages = line.FromPythonPackages,
        });
    }

    /// <summary>A finding on a span of the requirements text (never a python_packages entry).</summary>
    public void AddAt(CogFindingKind kind, DiagnosticSeverity severity, TextSpan span, string message, string? fix = null) =>
        _findings.Add(new CogFinding(kind, severity, LineOf(span.Start), Column(span), span, message) { Fix = fix });

    public ImmutableArray<CogFinding> Sorted() => [.. _findings.OrderBy(f => f.Span.Start).ThenBy(f => f.Kind)];

    private int LineOf(int offset) => source?.GetLineIndex(offset) ?? 0;

    private int Column(TextSpan span) => source is null ? span.Start : span.Start - source.GetLineStart(source.GetLineIndex(span.Start));
}
