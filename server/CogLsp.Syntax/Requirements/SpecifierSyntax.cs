using CogLsp.Syntax.Pep440;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Requirements;

/// <summary>One version clause as written: operator and version tokens (spans relative to the line start) and its parsed form.</summary>
public sealed record SpecifierSyntax(SyntaxValue Operator, SyntaxValue Version, Pep440Specifier Parsed)
{
    public TextSpan Span => TextSpan.FromBounds(Operator.Span.Start, Version.Span.End);
}
