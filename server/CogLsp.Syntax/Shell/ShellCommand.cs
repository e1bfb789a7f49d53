using System.Collections.Immutable;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Shell;

/// <summary>
/// One simple command of a shell command line: the variable assignments before it, its words (the
/// program and its arguments), its redirections, and the operator that ends it (`&&`, `||`, `;`, `|`,
/// `&`, a line break, a parenthesis, or empty at the end of the text).
/// </summary>
public sealed record ShellCommand(
    ImmutableArray<ShellWord> Assignments,
    ImmutableArray<ShellWord> Words,
    ImmutableArray<ShellRedirect> Redirects,
    TextSpan Span,
    string Terminator)
{
    public override string ToString() => string.Join(" ", Words.Select(w => w.Value));
}
