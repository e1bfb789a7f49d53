using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Requirements;

/// <summary>
/// An option as written: its name token (an abbreviation stays as written), the option it resolves to
/// (null when unknown or ambiguous), its value (quotes removed; span of the raw text) and whether it was
/// written `--opt=value`. Spans are relative to the line start.
/// </summary>
public sealed record OptionSyntax(SyntaxValue Name, RequirementsOption? Option, SyntaxValue? Value, bool UsesEquals)
{
    public TextSpan Span => Value is null ? Name.Span : TextSpan.FromBounds(Name.Span.Start, Math.Max(Name.Span.End, Value.Span.End));
}
