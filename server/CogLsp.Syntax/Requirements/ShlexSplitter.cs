namespace CogLsp.Syntax.Requirements;

/// <summary>
/// POSIX shell-style word splitting as Python's shlex.split does it (pip splits the options part of a
/// line this way): blanks separate words, quotes group, a backslash escapes outside single quotes.
/// Each word keeps, for every character of its value, the offset it was written at.
/// </summary>
internal static class ShlexSplitter
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("'\"\\\r\n");

    public sealed record Word(string Value, int[] Offsets, int RawStart, int RawEnd);

    /// <summary>Splits text[start..end); on a quoting error returns false with the offset and message.</summary>
    public static bool TrySplit(string text, int start, int end, List<Word> words, out int errorStart, out string? error)
    {
        errorStart = -1;
        error = null;
        if (text.AsSpan(start, end - start).IndexOfAny(Special) < 0)
        {
            // No quotes or backslashes: words are the blank-separated runs, each character where it stands.
            var i0 = start;
            while (i0 < end)
            {
                while (i0 < end && text[i0] is ' ' or '\t')
                {
                    i0++;
                }

                var s0 = i0;
                while (i0 < end && text[i0] is not (' ' or '\t'))
                {
                    i0++;
                }

                if (i0 > s0)
                {
                    var offsets0 = new int[i0 - s0];
                    for (var k = 0; k < offsets0.Length; k++)
                    {
                        offsets0[k] = s0 + k;
                    }

                    words.Add(new Word(text[s0..i0], offsets0, s0, i0));
                }
            }

            return true;
        }

        var value = new System.Text.StringBuilder();
        var offsets = new List<int>();
        var inWord = false;
        var quoted = false;
        var wordStart = 0;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (!inWord && c is ' ' or '\t' or '\r' or '\n')
            {
                i++;
                continue;
            }

            if (!inWord)
            {
                inWord = true;
                quoted = false;
                wordStart = i;
            }

            if (c is ' ' or '\t' or '\r' or '\n')
            {
                Flush(i);
                i++;
                continue;
            }

            if (c == '\\')
            {
                if (i + 1 >= end)
                {
                    errorStart = i;
                    error = "a backslash at the end of the options escapes nothing";
                    return false;
                }

                value.Append(text[i + 1]);
                offsets.Add(i + 1);
                i += 2;
                continue;
            }

            if (c is '\'' or '"')
            {
                quoted = true;
                var open = i;
                i++;
                var closed = false;
                while (i < end)
                {
                    var d = text[i];
                    if (d == c)
                    {
                        closed = true;
                        i++;
                        break;
                    }

                    if (c == '"' && d == '\\')
                    {
                        if (i + 1 >= end)
                        {
                            errorStart = i;
                            error = "a backslash at the end of the options escapes nothing";
                            return false;
                        }

                        var next = text[i + 1];
                        if (next is not ('"' or '\\'))
                        {
                            value.Append('\\');
                            offsets.Add(i);
                        }

                        value.Append(next);
                        offsets.Add(i + 1);
                        i += 2;
                        continue;
                    }

                    value.Append(d);
                    offsets.Add(i);
                    i++;
                }

                if (!closed)
                {
                    errorStart = open;
                    error = $"the quote {c} is never closed";
                    return false;
                }

                continue;
            }

            value.Append(c);
            offsets.Add(i);
            i++;
        }

        if (inWord)
        {
            Flush(end);
        }

        return true;

        void Flush(int rawEnd)
        {
            if (value.Length > 0 || quoted)
            {
                words.Add(new Word(value.ToString(), offsets.ToArray(), wordStart, rawEnd));
            }

            value.Clear();
            offsets.Clear();
            inWord = false;
        }
    }
}
