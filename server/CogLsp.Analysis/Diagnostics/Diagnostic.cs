using System.Collections.Immutable;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Diagnostics;

/// <summary>
/// A finding in one document. <see cref="Span"/> is in UTF-16 offsets of that document's text;
/// conversion to lines and characters happens at the edge (server or CLI). <see cref="Data"/> carries
/// what a code fix needs as typed values, so fixers neither re-analyse nor parse text; the LSP `data`
/// holds it.
/// </summary>
public sealed record Diagnostic(
    DiagnosticDescriptor Descriptor,
    string Path,
    TextSpan Span,
    string Message,
    DiagnosticSeverity Severity)
{
    public string Id => Descriptor.Id;

    public ImmutableArray<RelatedLocation> Related { get; init; } = [];

    /// <summary>Typed fix data, or null.</summary>
    public DiagnosticData? Data { get; init; }

    public DiagnosticTags Tags => Descriptor.Tags;

    public static Diagnostic Create(DiagnosticDescriptor descriptor, string path, TextSpan span, params object?[] args) =>
        new(descriptor, path, span, descriptor.FormatMessage(args), descriptor.DefaultSeverity);

    public Diagnostic WithData(DiagnosticData data) => this with { Data = data };
}
