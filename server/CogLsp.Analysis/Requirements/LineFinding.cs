using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// A finding about one requirements line, made from the line alone: <see cref="Span"/> is relative to
/// the line's start, and so is every offset in <see cref="Data"/>. It says nothing of where
/// the line stands or which file holds it, so it stays true wherever the line goes; <see cref="Place"/>
/// turns it into a document diagnostic.
/// </summary>
public sealed record LineFinding(DiagnosticDescriptor Descriptor, TextSpan Span, string Message)
{
    /// <summary>The fix data, with offsets in the line; a placed diagnostic carries it moved to document offsets.</summary>
    public DiagnosticData? Data { get; init; }

    public static LineFinding Create(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args) =>
        new(descriptor, span, descriptor.FormatMessage(args));

    public LineFinding WithData(DiagnosticData data) => this with { Data = data };

    /// <summary>The diagnostic this finding is for a line that starts at <paramref name="lineStart"/> in the document at <paramref name="path"/>.</summary>
    public Diagnostic Place(string path, int lineStart)
        => new(Descriptor, path, new TextSpan(lineStart + Span.Start, Span.Length), Message, Descriptor.DefaultSeverity)
        {
            Data = Data?.MoveBy(lineStart),
        };
}
