using System.Collections.Immutable;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Diagnostics;

/// <summary>
/// A finding in one document. <see cref="Span"/> is in UTF-16 offsets of that document's text;
/// conversion to lines and characters happens at the edge (server or CLI). <see cref="Properties"/>
/// carries what a code fix needs (e.g. the suggested replacement) so fixers need not re-analyse.
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

    public DiagnosticTags Tags => Descriptor.Tags;

    public static Diagnostic Create(DiagnosticDescriptor descriptor, string path, TextSpan span, params object?[] args) =>
        new(descriptor, path, span, descriptor.FormatMessage(args), descriptor.DefaultSeverity);

    public Diagnostic WithProperty(string key, string value) => this with { Properties = Properties.SetItem(key, value) };
}
