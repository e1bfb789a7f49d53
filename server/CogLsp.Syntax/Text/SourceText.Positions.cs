namespace CogLsp.Syntax.Text;

/// <summary>Positions (line and character) in UTF-16 or UTF-8 units, and their offsets; out-of-range input is clamped, as LSP asks.</summary>
public sealed partial class SourceText
{
    public LinePosition GetLinePosition(int offset, PositionEncoding encoding = PositionEncoding.Utf16)
    {
        offset = Math.Clamp(offset, 0, Length);
        var line = GetLineIndex(offset);
        var start = GetLineStart(line);
        return encoding == PositionEncoding.Utf16
            ? new LinePosition(line, offset - start)
            : new LinePosition(line, Utf8Length(AsSpan(TextSpan.FromBounds(start, offset))));
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

        if (position.Line >= LineCount)
        {
            return Length;
        }

        var start = GetLineStart(position.Line);
        var end = GetLineEnd(position.Line);
        var character = Math.Max(0, position.Character);
        if (encoding == PositionEncoding.Utf16)
        {
            var offset = (int)Math.Min((long)start + character, end);
            if (offset > start && offset < end && char.IsLowSurrogate(this[offset]) && char.IsHighSurrogate(this[offset - 1]))
            {
                offset--;
            }

            return offset;
        }

        var line = AsSpan(TextSpan.FromBounds(start, end));
        var bytes = 0;
        var i = 0;
        while (i < line.Length)
        {
            var width = Utf8Width(line, i, out var units);
            if (bytes + width > character)
            {
                break;
            }

            bytes += width;
            i += units;
        }

        return start + i;
    }

    public TextSpan GetSpan(LinePositionSpan span, PositionEncoding encoding = PositionEncoding.Utf16)
    {
        var start = GetOffset(span.Start, encoding);
        var end = GetOffset(span.End, encoding);
        return end >= start ? TextSpan.FromBounds(start, end) : TextSpan.FromBounds(end, start);
    }

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
