using System.Globalization;
using System.Text;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.CogYaml;

/// <summary>
/// Where each UTF-16 unit of a scalar's decoded <see cref="YamlScalar.Value"/> was written in the
/// document: plain scalars (with line folding), single-quoted ones (`''` is one quote) and double-quoted
/// ones (backslash escapes, escaped line breaks, folding). Invariant: the map is exact only when decoding
/// the written text here gives back the parser's value character for character; otherwise (block
/// scalars, aliases, anything this decoder reads differently) every span maps to the whole node, which
/// is never wrong, only coarse. Never throws on input.
/// </summary>
public sealed class YamlScalarMap
{
    private readonly int[]? _starts;
    private readonly int[]? _ends;

    private YamlScalarMap(TextSpan whole, int[]? starts, int[]? ends)
    {
        Whole = whole;
        _starts = starts;
        _ends = ends;
    }

    /// <summary>The node as written (quotes included): where every span goes when the map is not exact.</summary>
    public TextSpan Whole { get; }

    /// <summary>True when every character of the value has its own place in the document.</summary>
    public bool IsExact => _starts is not null;

    /// <summary>
    /// The map of <paramref name="node"/> (an item as written: an alias or a non-scalar maps everything
    /// to its own span). <paramref name="value"/> is the decoded value the map must reproduce.
    /// </summary>
    public static YamlScalarMap Create(SourceText text, YamlNode node, string value)
    {
        if (node is not YamlScalar scalar || scalar.Span.End > text.Length || scalar.Span.Start < 0)
        {
            return new YamlScalarMap(node.Span, null, null);
        }

        var source = text.ToString(scalar.Span);
        // The node's span starts at its properties (`&anchor`, `!tag`) when it has any.
        var first = 0;
        while (first < source.Length && source[first] is '&' or '!' && (scalar.Anchor is not null || scalar.Tag is not null))
        {
            while (first < source.Length && source[first] is not (' ' or '\t' or '\r' or '\n'))
            {
                first++;
            }

            while (first < source.Length && source[first] is ' ' or '\t' or '\r' or '\n')
            {
                first++;
            }
        }

        var (from, to) = scalar.Style switch
        {
            YamlScalarStyle.Plain => (first, source.Length),
            YamlScalarStyle.SingleQuoted when source.Length - first >= 2 && source[first] == '\'' && source[^1] == '\'' => (first + 1, source.Length - 1),
            YamlScalarStyle.DoubleQuoted when source.Length - first >= 2 && source[first] == '"' && source[^1] == '"' => (first + 1, source.Length - 1),
            _ => (-1, -1),
        };

        if (from < 0 || scalar.IsNull)
        {
            return new YamlScalarMap(scalar.Span, null, null);
        }

        var decoded = Decode(source, from, to, scalar.Style);
        if (decoded is null || decoded.Value.Text != value)
        {
            return new YamlScalarMap(scalar.Span, null, null);
        }

        var starts = decoded.Value.Starts;
        var ends = decoded.Value.Ends;
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] += scalar.Span.Start;
            ends[i] += scalar.Span.Start;
        }

        return new YamlScalarMap(scalar.Span, starts, ends);
    }

    /// <summary>
    /// The document span of the value's characters [start, start+length) (an empty span lands before the
    /// character at start, or after the last one); <see cref="Whole"/> when the map is not exact.
    /// </summary>
    public TextSpan Map(TextSpan valueSpan) => TryMap(valueSpan, out var span) ? span : Whole;

    /// <summary>The exact document span of a value span; false when the map is not exact or the span is outside the value.</summary>
    public bool TryMap(TextSpan valueSpan, out TextSpan span)
    {
        span = Whole;
        if (_starts is null || _ends is null || valueSpan.Start < 0 || valueSpan.Length < 0 || valueSpan.End > _starts.Length)
        {
            return false;
        }

        if (valueSpan.IsEmpty)
        {
            var at = valueSpan.Start < _starts.Length ? _starts[valueSpan.Start] : _starts.Length > 0 ? _ends[^1] : ContentStart;
            span = new TextSpan(at, 0);
            return true;
        }

        span = TextSpan.FromBounds(_starts[valueSpan.Start], _ends[valueSpan.End - 1]);
        return true;
    }

    /// <summary>For an empty value: just inside the opening quote (or the start of a plain scalar).</summary>
    private int ContentStart => Whole.Start + (Whole.Length >= 2 ? 1 : 0);

    private readonly record struct Decoded(string Text, int[] Starts, int[] Ends);

    /// <summary>
    /// Decodes a flow scalar's content (source[from..to)) by YAML 1.2's rules, with the source range of
    /// each decoded unit; null on an escape it does not know (the caller then falls back).
    /// </summary>
    private static Decoded? Decode(string source, int from, int to, YamlScalarStyle style)
    {
        var text = new StringBuilder(to - from);
        var starts = new List<int>(to - from);
        var ends = new List<int>(to - from);
        // How many of the trailing emitted units are literal blanks a line break would strip.
        var trailingBlanks = 0;

        void Emit(char c, int start, int end, bool blank)
        {
            text.Append(c);
            starts.Add(start);
            ends.Add(end);
            trailingBlanks = blank ? trailingBlanks + 1 : 0;
        }

        var i = from;
        while (i < to)
        {
            var c = source[i];
            if (c is '\r' or '\n')
            {
                // Folding: blanks before the break go, the break becomes a space (or one '\n' per empty
                // line that follows), blanks at the start of the next line go.
                text.Length -= trailingBlanks;
                starts.RemoveRange(starts.Count - trailingBlanks, trailingBlanks);
                ends.RemoveRange(ends.Count - trailingBlanks, trailingBlanks);
                trailingBlanks = 0;
                var breakStart = i;
                i = SkipBreak(source, i);
                var empty = 0;
                while (true)
                {
                    var j = i;
                    while (j < to && source[j] is ' ' or '\t')
                    {
                        j++;
                    }

                    if (j < to && source[j] is '\r' or '\n')
                    {
                        empty++;
                        i = SkipBreak(source, j);
                        continue;
                    }

                    i = j;
                    break;
                }

                if (empty == 0)
                {
                    Emit(' ', breakStart, i, false);
                }

                for (var k = 0; k < empty; k++)
                {
                    Emit('\n', breakStart, i, false);
                }

                continue;
            }

            if (style == YamlScalarStyle.SingleQuoted && c == '\'' && i + 1 < to && source[i + 1] == '\'')
            {
                Emit('\'', i, i + 2, false);
                i += 2;
                continue;
            }

            if (style == YamlScalarStyle.DoubleQuoted && c == '\\')
            {
                if (i + 1 >= to)
                {
                    return null;
                }

                var e = source[i + 1];
                if (e is '\r' or '\n')
                {
                    // An escaped line break: nothing is emitted and the next line's leading blanks go;
                    // blanks before the backslash stay.
                    i = SkipBreak(source, i + 1);
                    while (i < to && source[i] is ' ' or '\t')
                    {
                        i++;
                    }

                    trailingBlanks = 0;
                    continue;
                }

                var simple = e switch
                {
                    '0' => '\0', 'a' => '\a', 'b' => '\b', 't' or '\t' => '\t', 'n' => '\n', 'v' => '\v', 'f' => '\f', 'r' => '\r',
                    'e' => '\x1b', ' ' => ' ', '"' => '"', '/' => '/', '\\' => '\\', 'N' => '\u0085', '_' => '\u00a0', 'L' => '\u2028', 'P' => '\u2029',
                    _ => (char?)null,
                };
                if (simple is { } s)
                {
                    Emit(s, i, i + 2, false);
                    i += 2;
                    continue;
                }

                var digits = e switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
                if (digits == 0 || i + 2 + digits > to
                    || !int.TryParse(source.AsSpan(i + 2, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                    || code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                {
                    return null;
                }

                var end = i + 2 + digits;
                foreach (var unit in char.ConvertFromUtf32(code))
                {
                    Emit(unit, i, end, false);
                }

                i = end;
                continue;
            }

            Emit(c, i, i + 1, c is ' ' or '\t');
            i++;
        }

        return new Decoded(text.ToString(), [.. starts], [.. ends]);
    }

    private static int SkipBreak(string source, int i) =>
        source[i] == '\r' && i + 1 < source.Length && source[i + 1] == '\n' ? i + 2 : i + 1;
}
