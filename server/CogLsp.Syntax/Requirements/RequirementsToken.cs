using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Requirements;

/// <summary>A token of a logical line; <see cref="Span"/> is relative to the line start. A line's tokens cover it without gaps or overlap.</summary>
public readonly record struct RequirementsToken(RequirementsTokenKind Kind, TextSpan Span);
