using System.Text;

namespace CogLsp.Syntax.Text;

/// <summary>
/// An immutable document text with a line map. Lines end at "\r\n", "\r" or "\n" (all three are
/// recognised, as LSP requires). Offsets are UTF-16 code units into <see cref="Text"/>; positions can
/// be read and written in UTF-16 or UTF-8 units. A byte order mark read from disk is not part of the
/// text (editors never show it), but is remembered in <see cref="HasByteOrderMark"/> so a writer can keep it.
/// </summary>
public sealed class SourceText
{
    private int[]? _lineStarts;

    private SourceText(string text, bool hasByteOrderMark, int[]? lineStarts = null)
    {
        Text = text;
        HasByteOrderMark = hasByteOrderMark;
        _lineStarts = lineStarts;
    }

    public static SourceText Empty { get; } = new(string.Empty, false);

    public string Text { get; }

    public int Length => Text.Length;

    public bool HasByteOrderMark { get; }

    public char this[int offset] => Text[offset];

    /// <summary>Text as an editor sends it. A leading U+FEFF is taken to be a byte order mark and kept aside.</summary>
    public static SourceText From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] == '\uFEFF' ? new SourceText(text[1..], true) : new SourceText(text, false);
    }

    /// <summary>
    /// Decodes file bytes as UTF-8 (the encoding pip and Cog read these files in). Invalid sequences
    /// become U+FFFD rather than an exception; <paramref name="hadInvalidUtf8"/> says whether any did.
    /// </summary>
    public static SourceText FromBytes(ReadOnlySpan<byte> bytes, out bool hadInvalidUtf8)
    {
        var bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        if (bom)
        {
            bytes = bytes[3..];
        }

        hadInvalidUtf8 = !System.Text.Unicode.Utf8.IsValid(bytes);
        return new SourceText(Encoding.UTF8.GetString(bytes), bom);
    }

    public static SourceText FromBytes(ReadOnlySpan<byte> bytes) => FromBytes(bytes, out _);

    /// <summary>The text as it would be written to disk, with its byte order mark if it had one.</summary>
    public byte[] ToBytes()
    {
        var body = Encoding.UTF8.GetBytes(Text);
        if (!HasByteOrderMark)
        {
            return body;
        }

        var result = new byte[body.Length + 3];
        result[0] = 0xEF;
        result[1] = 0xBB;
        result[2] = 0xBF;
        body.CopyTo(result, 3);
        return result;
    }

    public override string ToString() => Text;

    public string ToString(TextSpan span) => Text.Substring(span.Start, span.Length);

    public ReadOnlySpan<char> AsSpan(TextSpan span) => Text.AsSpan(span.Start, span.Length);

    public int LineCount => LineStarts.Length;

    private int[] LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    /// <summary>Offset of the first character of <paramref name="line"/>.</summary>
    public int GetLineStart(int line) => LineStarts[line];

    /// <summary>Offset just past the last character of <paramref name="line"/>, before its line break.</summary>
    public int GetLineEnd(int line)
    {
        var next = line + 1 < LineStarts.Length ? LineStarts[line + 1] : Text.Length;
        if (next > LineStarts[line] && line + 1 < LineStarts.Length)
        {
            next--;
            if (Text[next] == '\n' && next > LineStarts[line] && Text[next - 1] == '\r')
            {
                next--;
            }
        }

        return next;
    }

    /// <summary>Offset of the start of the next line (or the end of the text), i.e. including the line break.</summary>
    public int GetLineEndIncludingBreak(int line) => line + 1 < LineStarts.Length ? LineStarts[line + 1] : Text.Length;

    public TextSpan GetLineSpan(int line) => TextSpan.FromBounds(GetLineStart(line), GetLineEnd(line));

    public string GetLineText(int line) => Text[GetLineStart(line)..GetLineEnd(line)];

    /// <summary>The zero-based line containing <paramref name="offset"/> (an offset inside a line break belongs to the line it ends).</summary>
    public int GetLineIndex(int offset)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var index = Array.BinarySearch(LineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    public LinePosition GetLinePosition(int offset, PositionEncoding encoding = PositionEncoding.Utf16)
    {
        offset = Math.Clamp(offset, 0, Text.Length);
        var line = GetLineIndex(offset);
        var start = LineStarts[line];
        return encoding == PositionEncoding.Utf16
            ? new LinePosition(line, offset - start)
            : new LinePosition(line, Utf8Length(Text.AsSpan(start, offset - start)));
    }

    public LinePositionSpan GetLinePositionSpan(TextSpan span, PositionEncoding encoding = PositionEncoding.Utf16) =>
        new(GetLinePosition(span.Start, encoding), GetLinePosition(span.End, encoding));

    /// <summary>
    /// The offset of a position. Out-of-range input is clamped, as LSP asks: a line past the end means the
    /// end of the text, a character past the end of its line means the end of that line. A position inside
    /// a surrogate pair or a multi-byte UTF-8 sequence snaps to the start of that character.
    /// </summary>
    public int GetOffset(LinePosition position, PositionEncoding encoding = PositionEncoding.Utf16)
    {
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= LineStarts.Length)
        {
            return Text.Length;
        }

        var start = LineStarts[position.Line];
        var end = GetLineEnd(position.Line);
        var character = Math.Max(0, position.Character);
        if (encoding == PositionEncoding.Utf16)
        {
            var offset = Math.Min(start + character, end);
            if (offset > start && offset < end && char.IsLowSurrogate(Text[offset]) && char.IsHighSurrogate(Text[offset - 1]))
            {
                offset--;
            }

            return offset;
        }

        var bytes = 0;
        var i = start;
        while (i < end)
        {
            var width = Utf8Width(Text, i, out var units);
            if (bytes + width > character)
            {
                break;
            }

            bytes += width;
            i += units;
        }

        return i;
    }

    public TextSpan GetSpan(LinePositionSpan span, PositionEncoding encoding = PositionEncoding.Utf16)
    {
        var start = GetOffset(span.Start, encoding);
        var end = GetOffset(span.End, encoding);
        return end >= start ? TextSpan.FromBounds(start, end) : TextSpan.FromBounds(end, start);
    }

    /// <summary>Applies changes whose spans refer to this text and do not overlap, in any order.</summary>
    public SourceText WithChanges(IEnumerable<TextChange> changes)
    {
        var ordered = changes.OrderBy(c => c.Span.Start).ToList();
        if (ordered.Count == 0)
        {
            return this;
        }

        var position = 0;
        var length = Text.Length;
        foreach (var change in ordered)
        {
            if (change.Span.Start < position || change.Span.End > Text.Length || change.Span.Length < 0)
            {
                throw new ArgumentException($"Change {change.Span} overlaps another change or lies outside the text.", nameof(changes));
            }

            length += change.NewText.Length - change.Span.Length;
            position = change.Span.End;
        }

        // One copy of the text (it is large for long files), written in place.
        var text = string.Create(length, (Text, ordered), static (destination, state) =>
        {
            var (source, edits) = state;
            var from = 0;
            var to = 0;
            foreach (var change in edits)
            {
                source.AsSpan(from, change.Span.Start - from).CopyTo(destination[to..]);
                to += change.Span.Start - from;
                change.NewText.AsSpan().CopyTo(destination[to..]);
                to += change.NewText.Length;
                from = change.Span.End;
            }

            source.AsSpan(from).CopyTo(destination[to..]);
        });

        // A keystroke in a long file: when this text's line map exists, the new one is derived from it.
        var lineStarts = ordered.Count == 1 && _lineStarts is { } starts ? DeriveLineStarts(starts, ordered[0], text) : null;
        return new SourceText(text, HasByteOrderMark, lineStarts);
    }

    /// <summary>
    /// The line map after one change, from the map before it. Whether a line break ends at an offset
    /// depends only on the characters at that offset and the next, so breaks ending more than one
    /// character before the change, or after the changed text, are the old ones (the latter moved);
    /// only the few offsets in between are examined.
    /// </summary>
    private static int[] DeriveLineStarts(int[] oldStarts, TextChange change, string newText)
    {
        var start = change.Span.Start;
        var newEnd = start + change.NewText.Length;
        var delta = change.NewText.Length - change.Span.Length;

        // Kept as they were: the first line's start, and the starts s = p + 1 of breaks ending at p <= start - 2.
        var keptBefore = Math.Max(1, UpperBound(oldStarts, start - 1));

        // Moved: breaks ending at p >= old end + 1, i.e. starts >= old end + 2.
        var movedFrom = LowerBound(oldStarts, change.Span.End + 2);

        var middle = new List<int>();
        var end = Math.Min(newEnd, newText.Length - 1);
        for (var p = Math.Max(0, start - 1); p <= end; p++)
        {
            if (EndsLineBreak(newText, p))
            {
                middle.Add(p + 1);
            }
        }

        var result = new int[keptBefore + middle.Count + (oldStarts.Length - movedFrom)];
        Array.Copy(oldStarts, result, keptBefore);
        middle.CopyTo(result, keptBefore);
        var at = keptBefore + middle.Count;
        for (var i = movedFrom; i < oldStarts.Length; i++)
        {
            result[at++] = oldStarts[i] + delta;
        }

        return result;
    }

    /// <summary>The index of the first element greater than <paramref name="value"/> (sorted ascending).</summary>
    private static int UpperBound(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>The index of the first element not less than <paramref name="value"/> (sorted ascending).</summary>
    private static int LowerBound(int[] sorted, int value)
    {
        var index = Array.BinarySearch(sorted, value);
        return index >= 0 ? index : ~index;
    }

    public SourceText WithChange(TextSpan span, string newText) => WithChanges([new TextChange(span, newText)]);

    /// <summary>The text's own line break style, for edits that insert lines: the first break found, else "\n".</summary>
    public string PreferredLineBreak
    {
        get
        {
            var i = Text.AsSpan().IndexOfAny('\r', '\n');
            if (i < 0)
            {
                return "\n";
            }

            return Text[i] == '\n' ? "\n" : i + 1 < Text.Length && Text[i + 1] == '\n' ? "\r\n" : "\r";
        }
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int>(Math.Max(4, text.Length / 32)) { 0 };
        for (var i = text.AsSpan().IndexOfAny('\r', '\n'); i >= 0;)
        {
            if (EndsLineBreak(text, i))
            {
                starts.Add(i + 1);
            }

            var next = text.AsSpan(i + 1).IndexOfAny('\r', '\n');
            i = next < 0 ? -1 : i + 1 + next;
        }

        return starts.ToArray();
    }

    /// <summary>
    /// Whether a line break ends at <paramref name="offset"/>: a "\n" (alone or after "\r"), or a "\r" not
    /// followed by "\n". It depends on that character and the next only.
    /// </summary>
    private static bool EndsLineBreak(string text, int offset) =>
        text[offset] == '\n' || (text[offset] == '\r' && (offset + 1 >= text.Length || text[offset + 1] != '\n'));

    private static int Utf8Length(ReadOnlySpan<char> chars)
    {
        var total = 0;
        for (var i = 0; i < chars.Length;)
        {
            total += Utf8Width(chars, i, out var units);
            i += units;
        }

        return total;
    }

    private static int Utf8Width(ReadOnlySpan<char> chars, int index, out int units)
    {
        var c = chars[index];
        units = 1;
        if (c < 0x80)
        {
            return 1;
        }

        if (c < 0x800)
        {
            return 2;
        }

        if (char.IsHighSurrogate(c) && index + 1 < chars.Length && char.IsLowSurrogate(chars[index + 1]))
        {
            units = 2;
            return 4;
        }

        // A lone surrogate is written as U+FFFD (3 bytes) by UTF-8 encoders.
        return 3;
    }
}
