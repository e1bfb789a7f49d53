using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Shell;

/// <summary>
/// A redirection of a simple command: its operator as written (`>`, `>>`, `2>`, `&>`, `<`, `>&`, …) and
/// the word it applies to (null when the command text ends before one).
/// </summary>
public sealed record ShellRedirect(string Operator, ShellWord? Target, TextSpan Span)
{
    /// <summary>True for an operator that writes to its target (`>`, `>>`, `>|`, `&>`, `2>`, …; not `>&`, which duplicates a descriptor).</summary>
    public bool Writes => Operator.Contains('>', StringComparison.Ordinal) && !Operator.EndsWith('&') && !Operator.StartsWith('<');
}
