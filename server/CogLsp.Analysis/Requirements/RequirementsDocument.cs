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

    /// <summary>
    /// The tree of <paramref name="current"/>, re-parsing only the lines the edits touched:
    /// <paramref name="changes"/> are applied one after the other to <paramref name="previous"/>'s
    /// text, each relative to the text the ones before it produced (LSP's didChange order). When the
    /// result does not reproduce <paramref name="current"/>'s text, it falls back to a full parse. The
    /// tree is memoised on <paramref name="current"/>, so later <see cref="GetSyntax"/> calls reuse it.
    /// </summary>
    public static RequirementsSyntaxTree GetSyntaxAfterEdits(Document previous, Document current, IReadOnlyList<TextChange> changes) =>
        current.GetOrAdd(SyntaxKey, d =>
        {
            var tree = GetSyntax(previous);
            if (changes.Count == 1 && IsResultOf(tree.Text, changes[0], d.Text))
            {
                // The usual keystroke: the new text is already at hand, no need to build it again.
                return tree.WithChange(changes[0], d.Text);
            }

            var text = tree.Text;
            foreach (var change in changes)
            {
                if (change.Span.Start < 0 || change.Span.End > text.Length || change.Span.Length < 0)
                {
                    return RequirementsSyntaxTree.Parse(d.Text);
                }

                text = text.WithChanges([change]);
                tree = tree.WithChange(change, text);
            }

            return text.ContentEquals(d.Text) ? tree : RequirementsSyntaxTree.Parse(d.Text);
        });

    /// <summary>Whether applying <paramref name="change"/> to <paramref name="before"/> gives <paramref name="after"/> (compared in place; the parts the two texts share are not read).</summary>
    private static bool IsResultOf(SourceText before, TextChange change, SourceText after)
    {
        var span = change.Span;
        return span.Start >= 0 && span.Length >= 0 && span.End <= before.Length
            && after.Length == before.Length - span.Length + change.NewText.Length
            && after.CommonPrefixLength(before) >= span.Start
            && after.CommonSuffixLength(before) >= before.Length - span.End
            && after.AsSpan(new TextSpan(span.Start, change.NewText.Length)).SequenceEqual(change.NewText);
    }

    /// <summary>
    /// After an edit: when the previous text's tree exists, derive the new one incrementally (only the
    /// logical lines the edit touched are parsed again); otherwise leave parsing to first use.
    /// </summary>
    public static void CarryOver(Document previous, Document current, IReadOnlyList<TextChange> changes)
    {
        if (previous.HasCached(SyntaxKey) && changes.Count > 0)
        {
            GetSyntaxAfterEdits(previous, current, changes);
        }
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
