using System.Collections.Immutable;
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

    /// <summary>
    /// The tree of <paramref name="document"/>. When an earlier version of the document has its tree and
    /// the text remembers the edits made since (<see cref="SourceText.TryGetChangesSince"/>), the tree is
    /// derived from that one, re-parsing only the logical lines the edits touched; otherwise the text is parsed.
    /// </summary>
    public static RequirementsSyntaxTree GetSyntax(Document document) =>
        document.GetOrAddFromPredecessor<RequirementsSyntaxTree>(SyntaxKey, static (d, previous) =>
            previous is not null && d.Text.TryGetChangesSince(previous.Text, out var changes)
                ? Replay(previous, changes, d.Text)
                : RequirementsSyntaxTree.Parse(d.Text));

    /// <summary>The tree of <paramref name="final"/>, derived from <paramref name="tree"/> by the <paramref name="changes"/> that made <paramref name="final"/> from its text.</summary>
    private static RequirementsSyntaxTree Replay(RequirementsSyntaxTree tree, ImmutableArray<TextChange> changes, SourceText final)
    {
        var text = tree.Text;
        for (var i = 0; i < changes.Length; i++)
        {
            // The intermediate texts are rebuilt (they share all but a chunk with their neighbours); the last is the document's.
            text = i == changes.Length - 1 ? final : text.WithChanges([changes[i]]);
            tree = tree.WithChange(changes[i], text);
        }

        return tree;
    }

    /// <summary>A line-relative span of line <paramref name="index"/> as a document span.</summary>
    public static TextSpan ToAbsolute(this RequirementsSyntaxTree tree, int index, TextSpan span) =>
        new(tree.GetLineStart(index) + span.Start, span.Length);

    /// <summary>Every requirement line with its index.</summary>
    public static IEnumerable<(int Index, RequirementsLine Line, RequirementSyntax Requirement)> Requirements(this RequirementsSyntaxTree tree)
    {
        foreach (var entry in tree.LinesWith(LineFlags.Requirement))
        {
            yield return (entry.Index, entry.Line, entry.Line.Requirement!);
        }
    }
}
