using System.Text;
using CogLsp.Syntax.Text;

namespace CogLsp.Tests.Shared;

/// <summary>
/// The one reader of fixture markup, shared by every test project: `[|…|]` marks an expected span,
/// `{|Name:…|}` a span with a name (a fixture uses it to say what else is expected there, such as the
/// ID of a further diagnostic), and `$0` the cursor. Marks may nest. Offsets count in the unmarked text as
/// <see cref="SourceText"/> sees it, so after a leading byte order mark, which SourceText keeps aside,
/// they start from the character that follows it.
/// </summary>
internal static class Markup
{
    public static MarkedText Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var spans = new List<TextSpan>();
        var named = new List<(string Name, TextSpan Span)>();
        var open = new Stack<(int Start, string? Name)>();
        var cursor = -1;
        for (var i = 0; i < markup.Length; i++)
        {
            if (At(markup, i, "[|"))
            {
                open.Push((text.Length, null));
                i++;
            }
            else if (At(markup, i, "{|") && NameEnd(markup, i + 2) is var colon and > 0)
            {
                open.Push((text.Length, markup[(i + 2)..colon]));
                i = colon;
            }
            else if (At(markup, i, "|]") || At(markup, i, "|}"))
            {
                var closesNamed = markup[i + 1] == '}';
                if (open.Count == 0 || (open.Peek().Name is null) == closesNamed)
                {
                    throw new ArgumentException($"The fixture closes a span at {i} that it did not open: {markup}", nameof(markup));
                }

                var (start, name) = open.Pop();
                var span = TextSpan.FromBounds(start, text.Length);
                if (name is null)
                {
                    spans.Add(span);
                }
                else
                {
                    named.Add((name, span));
                }

                i++;
            }
            else if (At(markup, i, "$0"))
            {
                if (cursor >= 0)
                {
                    throw new ArgumentException($"The fixture has two $0 cursors: {markup}", nameof(markup));
                }

                cursor = text.Length;
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }

        if (open.Count > 0)
        {
            throw new ArgumentException($"The fixture leaves {open.Count} span(s) open: {markup}", nameof(markup));
        }

        var result = text.ToString();
        var shift = result.StartsWith('\uFEFF') ? 1 : 0;
        TextSpan Shift(TextSpan s) => new(s.Start - shift, s.Length);
        return new MarkedText(
            result,
            spans.Select(Shift).OrderBy(s => s.Start).ToList(),
            cursor < 0 ? cursor : cursor - shift,
            named.Select(n => (n.Name, Shift(n.Span))).OrderBy(n => n.Item2.Start).ToList());
    }

    /// <summary>Where the name of a `{|Name:` mark ends (its colon), or -1 when what follows is not a name.</summary>
    private static int NameEnd(string markup, int start)
    {
        var end = start;
        while (end < markup.Length && (char.IsAsciiLetterOrDigit(markup[end]) || markup[end] == '_'))
        {
            end++;
        }

        return end > start && end < markup.Length && markup[end] == ':' ? end : -1;
    }

    private static bool At(string markup, int i, string mark) => string.CompareOrdinal(markup, i, mark, 0, 2) == 0;
}
