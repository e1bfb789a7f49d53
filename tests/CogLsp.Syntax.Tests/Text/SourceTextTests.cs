using System.Text;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Tests.Text;

public class SourceTextTests
{
    [Theory]
    [InlineData("a\nb", new[] { "a", "b" })]
    [InlineData("a\r\nb\r\n", new[] { "a", "b", "" })]
    [InlineData("a\rb\r\rc", new[] { "a", "b", "", "c" })]
    [InlineData("", new[] { "" })]
    [InlineData("\n", new[] { "", "" })]
    [InlineData("x\r\n\ny", new[] { "x", "", "y" })]
    public void Lines_end_at_crlf_cr_and_lf(string text, string[] lines)
    {
        var source = SourceText.From(text);
        Assert.Equal(lines.Length, source.LineCount);
        Assert.Equal(lines, Enumerable.Range(0, source.LineCount).Select(source.GetLineText).ToArray());
    }

    [Fact]
    public void Byte_order_mark_is_kept_aside_and_written_back()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a', (byte)'\n' };
        var source = SourceText.FromBytes(bytes);
        Assert.True(source.HasByteOrderMark);
        Assert.Equal("a\n", source.Text);
        Assert.Equal(bytes, source.ToBytes());
        Assert.Equal("a", SourceText.From("\uFEFFa").Text);
    }

    [Fact]
    public void Invalid_utf8_becomes_replacement_characters_and_is_flagged()
    {
        var source = SourceText.FromBytes([(byte)'a', 0xFF, (byte)'b'], out var invalid);
        Assert.True(invalid);
        Assert.Equal("a\uFFFDb", source.Text);
    }

    [Fact]
    public void Utf8_and_utf16_columns_differ_after_non_ascii_text()
    {
        // "é" is 1 UTF-16 unit and 2 UTF-8 bytes; "😀" is 2 UTF-16 units and 4 UTF-8 bytes.
        var source = SourceText.From("é😀x\nz");
        var x = source.Text.IndexOf('x');
        Assert.Equal(new LinePosition(0, 3), source.GetLinePosition(x, PositionEncoding.Utf16));
        Assert.Equal(new LinePosition(0, 6), source.GetLinePosition(x, PositionEncoding.Utf8));
        Assert.Equal(x, source.GetOffset(new LinePosition(0, 6), PositionEncoding.Utf8));
        Assert.Equal(x, source.GetOffset(new LinePosition(0, 3), PositionEncoding.Utf16));
    }

    [Fact]
    public void A_position_inside_a_surrogate_pair_snaps_to_its_start()
    {
        var source = SourceText.From("a😀b");
        Assert.Equal(1, source.GetOffset(new LinePosition(0, 2), PositionEncoding.Utf16));
        Assert.Equal(1, source.GetOffset(new LinePosition(0, 3), PositionEncoding.Utf8));
    }

    [Theory]
    [InlineData(0, 99, 3)]
    [InlineData(1, 99, 7)]
    [InlineData(7, 0, 7)]
    [InlineData(-1, 5, 0)]
    [InlineData(0, -4, 0)]
    public void Positions_past_the_end_are_clamped(int line, int character, int expected)
    {
        var source = SourceText.From("abc\r\nde");
        Assert.Equal(expected, source.GetOffset(new LinePosition(line, character)));
        Assert.Equal(expected, source.GetOffset(new LinePosition(line, character), PositionEncoding.Utf8));
    }

    [Fact]
    public void Line_break_style_is_detected_for_inserted_lines()
    {
        Assert.Equal("\r\n", SourceText.From("a\r\nb").PreferredLineBreak);
        Assert.Equal("\n", SourceText.From("a\nb").PreferredLineBreak);
        Assert.Equal("\r", SourceText.From("a\rb").PreferredLineBreak);
        Assert.Equal("\n", SourceText.From("ab").PreferredLineBreak);
    }

    [Fact]
    public void Overlapping_changes_are_rejected()
    {
        var source = SourceText.From("abcdef");
        Assert.Throws<ArgumentException>(() => source.WithChanges([new TextChange(new TextSpan(0, 3), "x"), new TextChange(new TextSpan(2, 2), "y")]));
    }

    /// <summary>Random edits, expressed as LSP ranges in both encodings, agree with a naive string model.</summary>
    [Theory]
    [InlineData(PositionEncoding.Utf16, 1)]
    [InlineData(PositionEncoding.Utf8, 2)]
    [InlineData(PositionEncoding.Utf16, 3)]
    [InlineData(PositionEncoding.Utf8, 4)]
    public void Random_edits_match_a_naive_model(PositionEncoding encoding, int seed)
    {
        var random = new Random(seed);
        var alphabet = new[] { "a", "b", " ", "\n", "\r\n", "\r", "é", "😀", "=", "#", "\\" };
        string RandomText(int max) => string.Concat(Enumerable.Range(0, random.Next(max)).Select(_ => alphabet[random.Next(alphabet.Length)]));

        var model = RandomText(40);
        var text = SourceText.From(model);
        for (var step = 0; step < 400; step++)
        {
            // Pick offsets on character boundaries of the model, then express them as positions.
            var boundaries = CharacterBoundaries(model);
            var a = boundaries[random.Next(boundaries.Count)];
            var b = boundaries[random.Next(boundaries.Count)];
            var (start, end) = (Math.Min(a, b), Math.Max(a, b));
            if (SplitsCrLf(model, start) || SplitsCrLf(model, end))
            {
                continue;
            }

            var insert = RandomText(6);
            var range = new LinePositionSpan(NaivePosition(model, start, encoding), NaivePosition(model, end, encoding));
            text = text.WithChange(text.GetSpan(range, encoding), insert);
            model = model[..start] + insert + model[end..];

            Assert.Equal(model, text.Text);
            var check = boundaries.Count > 0 ? CharacterBoundaries(model)[random.Next(CharacterBoundaries(model).Count)] : 0;
            if (!SplitsCrLf(model, check))
            {
                Assert.Equal(NaivePosition(model, check, encoding), text.GetLinePosition(check, encoding));
                Assert.Equal(check, text.GetOffset(NaivePosition(model, check, encoding), encoding));
            }
        }
    }

    private static bool SplitsCrLf(string text, int offset) => offset > 0 && offset < text.Length && text[offset - 1] == '\r' && text[offset] == '\n';

    private static List<int> CharacterBoundaries(string text)
    {
        var result = new List<int>();
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == 0 || i == text.Length || !(char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1])))
            {
                result.Add(i);
            }
        }

        return result;
    }

    /// <summary>The position of an offset computed the slow, obvious way: split on line breaks, count units.</summary>
    private static LinePosition NaivePosition(string text, int offset, PositionEncoding encoding)
    {
        var line = 0;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        var prefix = text[lineStart..offset];
        return new LinePosition(line, encoding == PositionEncoding.Utf16 ? prefix.Length : Encoding.UTF8.GetByteCount(prefix));
    }

    [Fact]
    public void The_line_map_after_an_edit_is_the_map_of_the_new_text()
    {
        var random = new Random(5);
        string[] pieces = ["a", "bc", "\n", "\r", "\r\n", "\n\r", "", "x\ny"];
        for (var round = 0; round < 3000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var before = SourceText.Verbatim(text, chunkSize: 2 + random.Next(4));
            var start = random.Next(text.Length + 1);
            var change = new TextChange(new TextSpan(start, random.Next(text.Length - start + 1)), pieces[random.Next(pieces.Length)]);
            var derived = before.WithChanges([change]);
            var expected = string.Concat(text.AsSpan(0, start), change.NewText, text.AsSpan(change.Span.End));
            AssertSameAs(ExpectedLineStarts(expected), expected, derived);
        }
    }

    /// <summary>
    /// The chunked text against a plain string model: a long run of random edits (small chunks, so
    /// every edit meets chunk edges and "\r\n" pairs), with every read member compared after each.
    /// </summary>
    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(8, 3)]
    [InlineData(64, 4)]
    public void Every_member_agrees_with_the_plain_string_after_random_edits(int chunkSize, int seed)
    {
        var random = new Random(seed);
        string[] pieces = ["a", "bc", "\n", "\r", "\r\n", "é", "😀", "cog-lsp:", "", "x\ny\r", "long line of text "];
        var model = string.Concat(Enumerable.Range(0, 40).Select(_ => pieces[random.Next(pieces.Length)]));
        var text = SourceText.Verbatim(model, chunkSize);
        for (var round = 0; round < 1500; round++)
        {
            var edits = random.Next(4) == 0 ? 2 : 1;
            var changes = new List<TextChange>();
            var from = 0;
            for (var e = 0; e < edits && from <= model.Length; e++)
            {
                var start = from + random.Next(Math.Min(model.Length - from, 30) + 1);
                var length = random.Next(Math.Min(model.Length - start, random.Next(3) == 0 ? 60 : 4) + 1);
                var insert = string.Concat(Enumerable.Range(0, random.Next(3)).Select(_ => pieces[random.Next(pieces.Length)]));
                changes.Add(new TextChange(new TextSpan(start, length), insert));
                from = start + length + 1;
            }

            var previous = text;
            var previousModel = model;
            text = text.WithChanges(random.Next(2) == 0 ? changes : Enumerable.Reverse(changes));
            for (var c = changes.Count - 1; c >= 0; c--)
            {
                model = string.Concat(model.AsSpan(0, changes[c].Span.Start), changes[c].NewText, model.AsSpan(changes[c].Span.End));
            }

            AssertSameAs(ExpectedLineStarts(model), model, text);
            var prefix = model.AsSpan().CommonPrefixLength(previousModel);
            Assert.Equal(prefix, text.CommonPrefixLength(previous));
            var suffix = 0;
            while (suffix < Math.Min(model.Length, previousModel.Length) && model[^(suffix + 1)] == previousModel[^(suffix + 1)])
            {
                suffix++;
            }

            Assert.Equal(suffix, text.CommonSuffixLength(previous));
            Assert.Equal(model == previousModel, text.ContentEquals(previous));
            Assert.True(text.ContentEquals(SourceText.Verbatim(model, chunkSize + 1)));
            for (var probe = 0; probe < 4 && model.Length > 0; probe++)
            {
                var a = random.Next(model.Length + 1);
                var b = random.Next(a, model.Length + 1);
                var span = TextSpan.FromBounds(a, b);
                Assert.Equal(model[a..b], text.ToString(span));
                Assert.Equal(model[a..b], text.AsSpan(span).ToString());
                Assert.Equal(model.AsSpan(a, b - a).Count('\n'), text.CountLineFeeds(span));
                Assert.Equal(a < model.Length ? model.IndexOf('\n', a) : -1, text.IndexOf('\n', a));
                Assert.Equal(b > 0 ? model.LastIndexOf('\r', b - 1) : -1, text.LastIndexOf('\r', b - 1));
                if (a < model.Length)
                {
                    Assert.Equal(model[a], text[a]);
                }
            }

            var searchFrom = random.Next(model.Length + 1);
            Assert.Equal(model.IndexOf("cog-lsp:", StringComparison.Ordinal), text.IndexOf("cog-lsp:", 0));
            Assert.Equal(searchFrom < model.Length ? model.IndexOf("cog-lsp:", searchFrom, StringComparison.Ordinal) : -1, text.IndexOf("cog-lsp:", searchFrom));
            Assert.Equal(SourceText.From(model).PreferredLineBreak, text.PreferredLineBreak);
            if (text.Length > 4 * chunkSize)
            {
                // Chunks stay within bounds rather than splitting into many small ones.
                Assert.InRange(text.ChunkCount, 2, 2 * text.Length / chunkSize + 2);
            }
        }
    }

    [Fact]
    public void An_edit_shares_the_chunks_it_does_not_touch()
    {
        var model = string.Concat(Enumerable.Range(0, 2000).Select(i => $"package-{i}==1.{i}\n"));
        var before = SourceText.From(model);
        var after = before.WithChange(new TextSpan(model.Length / 2, 0), "x");
        Assert.True(before.ChunkCount > 10);
        Assert.InRange(after.CountSharedChunks(before), before.ChunkCount - 3, before.ChunkCount - 1);
        Assert.Equal(model.Length / 2, after.CommonPrefixLength(before));
        Assert.Equal(model.Length - model.Length / 2, after.CommonSuffixLength(before));
    }

    private static int[] ExpectedLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    private static void AssertSameAs(int[] starts, string model, SourceText text)
    {
        // Read through the chunks (Text would join them and keep the joined string).
        Assert.Equal(model.Length, text.Length);
        Assert.Equal(model, text.ToString(new TextSpan(0, text.Length)));
        Assert.Equal(starts.Length, text.LineCount);
        for (var line = 0; line < starts.Length; line++)
        {
            Assert.Equal(starts[line], text.GetLineStart(line));
        }

        for (var offset = 0; offset <= model.Length; offset++)
        {
            var expected = Array.BinarySearch(starts, offset);
            Assert.Equal(expected >= 0 ? expected : ~expected - 1, text.GetLineIndex(offset));
        }
    }
}
