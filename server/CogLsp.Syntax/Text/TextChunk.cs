namespace CogLsp.Syntax.Text;

/// <summary>
/// A piece of a <see cref="SourceText"/> with the offsets, relative to its start, just past each line
/// break that ends in it. Immutable but for the memo of its last search (see <see cref="FirstIndexOf"/>),
/// which is a pure function of the text and the value searched for: shared chunks keep their answer
/// across edits, and a race between two searches only searches twice.
/// </summary>
internal sealed class TextChunk
{
    public TextChunk(string text)
    {
        Text = text;

        // Counted first, so the array is allocated once at its size.
        var count = 0;
        for (var i = text.AsSpan().IndexOfAny('\r', '\n'); i >= 0; i = NextBreakCharacter(text, i))
        {
            count += IsBreakEnd(text, i) ? 1 : 0;
            LineFeeds += text[i] == '\n' ? 1 : 0;
        }

        Breaks = count == 0 ? [] : new int[count];
        count = 0;
        for (var i = text.AsSpan().IndexOfAny('\r', '\n'); i >= 0 && count < Breaks.Length; i = NextBreakCharacter(text, i))
        {
            if (IsBreakEnd(text, i))
            {
                Breaks[count++] = i + 1;
            }
        }
    }

    /// <summary>
    /// Whether a line break ends at <paramref name="i"/>: a "\n", or a "\r" not followed by "\n". A "\r"
    /// ending the chunk is a break: the next chunk never starts with the "\n" of the same "\r\n".
    /// </summary>
    private static bool IsBreakEnd(string text, int i) => text[i] == '\n' || i + 1 >= text.Length || text[i + 1] != '\n';

    private static int NextBreakCharacter(string text, int i)
    {
        var next = text.AsSpan(i + 1).IndexOfAny('\r', '\n');
        return next < 0 ? -1 : i + 1 + next;
    }

    public string Text { get; }

    public int[] Breaks { get; }

    public int LineFeeds { get; }

    private SearchMemo? _search;

    /// <summary>Where <paramref name="value"/> first occurs in this chunk, or -1; remembered for the last value asked for.</summary>
    public int FirstIndexOf(string value)
    {
        if (_search is { } memo && ReferenceEquals(memo.Value, value))
        {
            return memo.Index;
        }

        var index = Text.IndexOf(value, StringComparison.Ordinal);
        _search = new SearchMemo(value, index);
        return index;
    }

    private sealed record SearchMemo(string Value, int Index);
}
