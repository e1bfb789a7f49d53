using System.Collections.Immutable;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Diagnostics;

/// <summary>
/// A finding in one document. <see cref="Span"/> is in UTF-16 offsets of that document's text;
/// conversion to lines and characters happens at the edge (server or CLI). <see cref="Data"/> carries
/// what a code fix needs as typed values so fixers need not re-analyse; <see cref="Properties"/> carries
/// plain text values for older fixers. A diagnostic has one or the other (the LSP `data` holds one).
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

    public ImmutableDictionary<string, string> Properties { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Typed fix data, or null.</summary>
    public DiagnosticData? Data { get; init; }

    public DiagnosticTags Tags => Descriptor.Tags;

    public static Diagnostic Create(DiagnosticDescriptor descriptor, string path, TextSpan span, params object?[] args) =>
        new(descriptor, path, span, descriptor.FormatMessage(args), descriptor.DefaultSeverity);

    public Diagnostic WithProperty(string key, string value) => this with { Properties = Properties.SetItem(key, value) };

    public Diagnostic WithData(DiagnosticData data) => this with { Data = data };
}
