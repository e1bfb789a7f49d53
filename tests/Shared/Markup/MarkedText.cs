using CogLsp.Syntax.Text;

namespace CogLsp.Tests.Shared;

/// <summary>
/// A fixture with its marks taken out: the text, the `[|…|]` spans ordered by start (spans that start at
/// the same offset in the order they close), the cursor offset (-1 when the fixture has no `$0`), and the
/// `{|Name:…|}` spans ordered by start.
/// </summary>
internal sealed record MarkedText(string Text, IReadOnlyList<TextSpan> Spans, int Cursor, IReadOnlyList<(string Name, TextSpan Span)> NamedSpans)
{
    public void Deconstruct(out string text, out IReadOnlyList<TextSpan> spans, out int cursor)
    {
        text = Text;
        spans = Spans;
        cursor = Cursor;
    }
}
