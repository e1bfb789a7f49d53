using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Requirements;

/// <summary>A piece of a line: its meaning (<see cref="Text"/>, e.g. an option value with quotes removed) and where it is written, relative to the line start.</summary>
public sealed record SyntaxValue(string Text, TextSpan Span);
