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

    /// <summary>
    /// The tree of <paramref name="current"/>, re-parsing only the lines the edits touched:
    /// <paramref name="changes"/> are applied one after the other to <paramref name="previous"/>'s
    /// text, each relative to the text the ones before it produced (LSP's didChange order). When the
    /// result does not reproduce <paramref name="current"/>'s text, it falls back to a full parse. The
    /// tree is memoised on <paramref name="current"/>, so later <see cref="GetSyntax"/> calls reuse it.
    /// </summary>
    public static RequirementsSyntaxTree GetSyntaxAfterEdits(Document previous, Document current, IReadOnlyList<TextChange> changes) =>
        current.GetOrAddFromPredecessor<RequirementsSyntaxTree>(SyntaxKey, (d, _) =>
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
    /// Derives the tree of <paramref name="current"/> now, from <paramref name="previous"/>'s and the edits
    /// between them, when the previous tree exists (tests and benchmarks use this to time the parse on its
    /// own; the server leaves it to first use, where <see cref="GetSyntax"/> finds the previous tree itself).
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
