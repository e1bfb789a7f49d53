using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// The one parse of a requirements document, memoised on the document so every analyzer and feature
/// shares it, plus helpers to turn line-relative spans into document offsets.
/// </summary>
public static class RequirementsDocument
{
    private static readonly object SyntaxKey = new();

    public static RequirementsSyntaxTree GetSyntax(Document document) =>
        document.GetOrAdd(SyntaxKey, d => RequirementsSyntaxTree.Parse(d.Text));

    /// <summary>A line-relative span of line <paramref name="index"/> as a document span.</summary>
    public static TextSpan ToAbsolute(this RequirementsSyntaxTree tree, int index, TextSpan span) =>
        new(tree.GetLineStart(index) + span.Start, span.Length);

    /// <summary>Every requirement line with its index.</summary>
    public static IEnumerable<(int Index, RequirementsLine Line, RequirementSyntax Requirement)> Requirements(this RequirementsSyntaxTree tree)
    {
        for (var i = 0; i < tree.Lines.Length; i++)
        {
            if (tree.Lines[i].Requirement is { } r)
            {
                yield return (i, tree.Lines[i], r);
            }
        }
    }

    /// <summary>Every option with the index of its line.</summary>
    public static IEnumerable<(int Index, RequirementsLine Line, OptionSyntax Option)> AllOptions(this RequirementsSyntaxTree tree)
    {
        for (var i = 0; i < tree.Lines.Length; i++)
        {
            foreach (var o in tree.Lines[i].Options)
            {
                yield return (i, tree.Lines[i], o);
            }
        }
    }
}
