namespace CogLsp.Syntax.Text;

/// <summary>
/// How a <see cref="SourceText"/> stores its characters: chunks of a few thousand characters
/// (<see cref="TextChunk"/>), each with its own line breaks, and the directories that find them. An edit
/// rebuilds the chunks it touches and shares the others. Invariants: a chunk boundary never falls
/// inside a "\r\n", and no chunk is empty unless the text is.
/// </summary>
public sealed partial class SourceText
{
    /// <summary>Copies the characters from <paramref name="start"/> on into <paramref name="destination"/> (as many as it holds).</summary>
    private void CopyTo(int start, Span<char> destination)
    {
        var i = ChunkAt(start);
        var local = start - _chunkStarts[i];
        var written = 0;
        while (written < destination.Length)
        {
            var piece = _chunks[i].Text.AsSpan(local);
            var count = Math.Min(piece.Length, destination.Length - written);
            piece[..count].CopyTo(destination[written..]);
            written += count;
            i++;
            local = 0;
        }
    }

    /// <summary>
    /// The chunks after replacing <paramref name="span"/> with <paramref name="newText"/>: the chunks the
    /// span touches are joined with the new text into one region, which takes in a neighbour while it is
    /// short or while a "\r\n" would straddle its edge, and is split again. Every other chunk is shared.
    /// </summary>
    private TextChunk[] Replace(TextChunk[] chunks, TextSpan span, string newText)
    {
        // The chunk starts of this text serve for its first edit; a second edit of one change set recounts them.
        var starts = ReferenceEquals(chunks, _chunks) ? _chunkStarts : StartsOf(chunks);
        var lo = ChunkAt(starts, chunks.Length, span.Start);
        var hi = span.Length == 0 ? lo : Math.Max(lo, ChunkAt(starts, chunks.Length, span.End - 1));
        var region = string.Concat(
            chunks[lo].Text.AsSpan(0, span.Start - starts[lo]),
            newText,
            chunks[hi].Text.AsSpan(span.End - starts[hi]));

        while (region.Length < ChunkSize / 2 && (lo > 0 || hi < chunks.Length - 1))
        {
            region = hi < chunks.Length - 1 ? region + chunks[++hi].Text : chunks[--lo].Text + region;
        }

        if (region.Length > 0 && lo > 0 && region[0] == '\n' && chunks[lo - 1].Text[^1] == '\r')
        {
            region = chunks[--lo].Text + region;
        }

        if (region.Length > 0 && hi < chunks.Length - 1 && region[^1] == '\r' && chunks[hi + 1].Text[0] == '\n')
        {
            region += chunks[++hi].Text;
        }

        var middle = new List<TextChunk>(1);
        Split(region, ChunkSize, middle);
        var kept = chunks.Length - (hi + 1 - lo);
        if (kept + middle.Count == 0)
        {
            return [new TextChunk(string.Empty)];
        }

        var result = new TextChunk[kept + middle.Count];
        chunks.AsSpan(0, lo).CopyTo(result);
        middle.CopyTo(result, lo);
        chunks.AsSpan(hi + 1).CopyTo(result.AsSpan(lo + middle.Count));
        return result;
    }

    private static int[] StartsOf(TextChunk[] chunks)
    {
        var starts = new int[chunks.Length + 1];
        for (var i = 0; i < chunks.Length; i++)
        {
            starts[i + 1] = starts[i] + chunks[i].Text.Length;
        }

        return starts;
    }

    /// <summary>Cuts <paramref name="text"/> into chunks of about <paramref name="chunkSize"/> characters, never inside a "\r\n".</summary>
    private static void Split(string text, int chunkSize, List<TextChunk> into)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (text.Length <= 2 * chunkSize)
        {
            into.Add(new TextChunk(text));
            return;
        }

        var pos = 0;
        while (text.Length - pos > 2 * chunkSize)
        {
            var cut = pos + chunkSize;
            if (text[cut - 1] == '\r' && text[cut] == '\n')
            {
                cut++;
            }

            into.Add(new TextChunk(text[pos..cut]));
            pos = cut;
        }

        into.Add(new TextChunk(text[pos..]));
    }

    /// <summary>The chunk holding <paramref name="offset"/>; the end of the text belongs to the last chunk.</summary>
    private int ChunkAt(int offset) => ChunkAt(_chunkStarts, _chunks.Length, offset);

    private static int ChunkAt(int[] starts, int count, int offset) => SortedOffsets.Floor(starts.AsSpan(0, count), offset);

    /// <summary>The rest of the chunk holding <paramref name="offset"/>, from it on.</summary>
    private ReadOnlySpan<char> SpanFrom(int offset)
    {
        var i = ChunkAt(offset);
        return _chunks[i].Text.AsSpan(offset - _chunkStarts[i]);
    }

    /// <summary>The part of a chunk that ends at <paramref name="end"/> (exclusive).</summary>
    private ReadOnlySpan<char> SpanBefore(int end)
    {
        var i = ChunkAt(end - 1);
        return _chunks[i].Text.AsSpan(0, end - _chunkStarts[i]);
    }

    private static int CommonSuffix(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var n = 0;
        while (n < a.Length && a[a.Length - 1 - n] == b[b.Length - 1 - n])
        {
            n++;
        }

        return n;
    }

}
