using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Requirements;

/// <summary>A reason pip rejects a line, with the span (relative to the line start) where it does.</summary>
public sealed record RequirementsSyntaxError(TextSpan Span, string Message, RequirementsErrorKind Kind);
