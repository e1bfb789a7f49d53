using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Requirements;

/// <summary>A side of a marker comparison: a variable (e.g. python_version) or a quoted string (<see cref="Value"/> without quotes).</summary>
public sealed record MarkerOperand(string Value, TextSpan Span, bool IsVariable);
