namespace CogLsp.Syntax.Requirements;

/// <summary>
/// Python's notions of line breaks and whitespace, which pip's requirements reader inherits
/// (`str.splitlines`, `str.strip`, `\s` in its comment pattern). They are wider than .NET's: form
/// feed, vertical tab, U+001C–U+001E, U+0085, U+2028 and U+2029 all end a line.
/// </summary>
internal static class PythonText
{
    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\v' or '\f' or '\x1c' or '\x1d' or '\x1e' or '\x85' or '\u2028' or '\u2029';

    /// <summary>str.isspace: .NET's white space plus U+001C–U+001F.</summary>
    public static bool IsWhitespace(char c) => c is ' ' or '\t' || (c < 0x80 ? c is (>= '\t' and <= '\r') or (>= '\x1c' and <= '\x1f') : char.IsWhiteSpace(c));

    /// <summary>The offset of the next line break at or after <paramref name="start"/> and its length (2 for "\r\n"), or -1.</summary>
    public static int FindBreak(string text, int start, int end, out int length)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c > '\r' && c < '\x1c')
            {
                continue;
            }

            if (c > '\x1e' && c != '\x85' && c != '\u2028' && c != '\u2029')
            {
                continue;
            }

            if (IsLineBreak(c))
            {
                length = c == '\r' && i + 1 < end && text[i + 1] == '\n' ? 2 : 1;
                return i;
            }
        }

        length = 0;
        return -1;
    }

    /// <summary>pip's "comment line" test: the physical line starts with `#`, possibly after white space.</summary>
    public static bool StartsWithComment(string text, int start, int end)
    {
        var i = start;
        while (i < end && IsWhitespace(text[i]))
        {
            i++;
        }

        return i < end && text[i] == '#';
    }
}
