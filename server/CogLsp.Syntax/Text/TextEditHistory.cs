using System.Collections.Immutable;

namespace CogLsp.Syntax.Text;

/// <summary>
/// What made a <see cref="SourceText"/> from the text before it: that text's identity and the changes,
/// in the order they were applied, then the same for the text before that. Invariant: a history names
/// earlier texts only by <see cref="SourceText.Id"/>, never by reference, so it keeps no text alive; and
/// it is at most <see cref="MaxSteps"/> steps long (an older step is dropped whole), so what it keeps is
/// bounded — a few changed strings, typically one character each.
/// </summary>
internal sealed class TextEditHistory
{
    /// <summary>How many edits back a text remembers (a parser whose tree is older parses afresh).</summary>
    public const int MaxSteps = 32;

    public TextEditHistory(long fromId, ImmutableArray<TextChange> changes, TextEditHistory? previous)
    {
        FromId = fromId;
        Changes = changes;
        Previous = previous is { Steps: < MaxSteps } ? previous : null;
        Steps = (Previous?.Steps ?? 0) + 1;
    }

    /// <summary>The identity of the text these changes were applied to.</summary>
    public long FromId { get; }

    /// <summary>The changes, in the order applied, each relative to the text the ones before it made.</summary>
    public ImmutableArray<TextChange> Changes { get; }

    /// <summary>The history of the text these changes were applied to, or null.</summary>
    public TextEditHistory? Previous { get; }

    /// <summary>How many steps this history holds, this one included.</summary>
    public int Steps { get; }
}
