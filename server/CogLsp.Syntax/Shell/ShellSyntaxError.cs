using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Shell;

/// <summary>A problem /bin/sh would stop on (an unterminated quote or substitution), with where it starts.</summary>
public sealed record ShellSyntaxError(TextSpan Span, string Message);
