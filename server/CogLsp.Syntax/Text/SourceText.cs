using System.Text;

namespace CogLsp.Syntax.Text;

/// <summary>
/// An immutable document text with a line map. Lines end at "\r\n", "\r" or "\n" (all three are
/// recognised, as LSP requires). Offsets are UTF-16 code units; positions can be read and written in
/// UTF-16 or UTF-8 units. A byte order mark read from disk is not part of the text (editors never show
/// it), but is remembered in <see cref="HasByteOrderMark"/> so a writer can keep it.
/// <para>
/// Architecture: the text is stored as a sequence of chunks of a few thousand characters, each with
/// the line breaks it holds. An edit builds new chunks for the region it touches and shares every
/// other chunk with the text it came from, so a keystroke in a long file copies a few kilobytes, not
/// the whole document. Invariants: a chunk boundary never falls between the "\r" and "\n" of a
/// "\r\n" (so each chunk's line breaks are its own), and no chunk is empty unless the text is.
/// <see cref="Text"/> joins the chunks on first use; code on the keystroke path reads through the
/// span-based members instead.
/// </para>
/// </summary>
public sealed class SourceText
{
    /// <summary>Chunks hold between half and twice this many characters (except when the whole text is shorter).</summary>
    internal const int DefaultChunkSize = 2048;

    private readonly Chunk[] _chunks;

    /// <summary>Offset of each chunk's first character, then the length of the text.</summary>
    private readonly int[] _chunkStarts;

    /// <summary>How many line breaks the chunks before each chunk hold, then the total.</summary>
    private readonly int[] _breaksBefore;

    private string? _text;

    private SourceText(Chunk[] chunks, bool hasByteOrderMark, int chunkSize)
    {
        _chunks = chunks;
        ChunkSize = chunkSize;
        HasByteOrderMark = hasByteOrderMark;
        _chunkStarts = StartsOf(chunks);
        _breaksBefore = new int[chunks.Length + 1];
        for (var i = 0; i < chunks.Length; i++)
        {
            _breaksBefore[i + 1] = _breaksBefore[i] + chunks[i].Breaks.Length;
        }

        if (chunks.Length == 1)
        {
            _text = chunks[0].Text;
        }
    }

    public static SourceText Empty { get; } = Create(string.Empty, false, DefaultChunkSize);

    /// <summary>The whole text as one string. For a long text this joins its chunks (once, then kept); prefer the span-based members in code that runs on every edit.</summary>
    public string Text
    {
        get
        {
            if (_text is null)
            {
                var joined = string.Create(Length, this, static (destination, source) => source.CopyTo(0, destination));
                Interlocked.CompareExchange(ref _text, joined, null);
            }

            return _text;
        }
    }

    public int Length => _chunkStarts[^1];

    public bool HasByteOrderMark { get; }

    /// <summary>The chunk size this text and the texts edited from it use (a reader of it can size its buffers to match).</summary>
    internal int ChunkSize { get; }

    /// <summary>How many chunks the text is stored in (for tests of sharing).</summary>
    internal int ChunkCount => _chunks.Length;

    /// <summary>How many of this text's chunks are the very objects <paramref name="other"/> holds (for tests of sharing).</summary>
    internal int CountSharedChunks(SourceText other) => _chunks.Count(new HashSet<Chunk>(other._chunks, ReferenceEqualityComparer.Instance).Contains);

    public char this[int offset]
    {
        get
        {
            if ((uint)offset >= (uint)Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            var i = ChunkAt(offset);
            return _chunks[i].Text[offset - _chunkStarts[i]];
        }
    }

    /// <summary>Text as an editor sends it. A leading U+FEFF is taken to be a byte order mark and kept aside.</summary>
    public static SourceText From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 0 && text[0] == '\uFEFF' ? Create(text[1..], true, DefaultChunkSize) : Create(text, false, DefaultChunkSize);
    }

    /// <summary>
    /// The text exactly as given: a leading U+FEFF stays part of it (for parsing strings that are not
    /// documents). Tests pass small chunk sizes, so that short texts span many chunks.
    /// </summary>
    internal static SourceText Verbatim(string text, int chunkSize = DefaultChunkSize) => Create(text, false, chunkSize);

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
        return Create(Encoding.UTF8.GetString(bytes), bom, DefaultChunkSize);
    }

    public static SourceText FromBytes(ReadOnlySpan<byte> bytes) => FromBytes(bytes, out _);

    private static SourceText Create(string text, bool hasByteOrderMark, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 2);

        var chunks = new List<Chunk>();
        Split(text, chunkSize, chunks);
        if (chunks.Count == 0)
        {
            chunks.Add(new Chunk(string.Empty));
        }

        return new SourceText([.. chunks], hasByteOrderMark, chunkSize);
    }

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

    public string ToString(TextSpan span)
    {
        CheckSpan(span);
        if (_text is not null)
        {
            return _text.Substring(span.Start, span.Length);
        }

        var i = ChunkAt(span.Start);
        var local = span.Start - _chunkStarts[i];
        if (local + span.Length <= _chunks[i].Text.Length)
        {
            return local == 0 && span.Length == _chunks[i].Text.Length ? _chunks[i].Text : _chunks[i].Text.Substring(local, span.Length);
        }

        return string.Create(span.Length, (this, span.Start), static (destination, state) => state.Item1.CopyTo(state.Item2, destination));
    }

    /// <summary>The characters of <paramref name="span"/>: in place when they lie in one chunk, else copied.</summary>
    public ReadOnlySpan<char> AsSpan(TextSpan span)
    {
        CheckSpan(span);
        if (_text is not null)
        {
            return _text.AsSpan(span.Start, span.Length);
        }

        var i = ChunkAt(span.Start);
        var local = span.Start - _chunkStarts[i];
        return local + span.Length <= _chunks[i].Text.Length ? _chunks[i].Text.AsSpan(local, span.Length) : ToString(span).AsSpan();
    }

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

    private void CheckSpan(TextSpan span)
    {
        if (span.Start < 0 || span.Length < 0 || span.End > Length)
        {
            throw new ArgumentOutOfRangeException(nameof(span), $"{span} lies outside a text of length {Length}.");
        }
    }

    public int LineCount => _breaksBefore[^1] + 1;

    /// <summary>Offset of the first character of <paramref name="line"/>.</summary>
    public int GetLineStart(int line)
    {
        if ((uint)line >= (uint)LineCount)
        {
            throw new ArgumentOutOfRangeException(nameof(line));
        }

        if (line == 0)
        {
            return 0;
        }

        // Line n starts just past the n-th line break (counting from 1).
        var k = line - 1;
        var i = SortedOffsets.UpperBound(_breaksBefore, k) - 1;
        return _chunkStarts[i] + _chunks[i].Breaks[k - _breaksBefore[i]];
    }

    /// <summary>Offset just past the last character of <paramref name="line"/>, before its line break.</summary>
    public int GetLineEnd(int line)
    {
        var start = GetLineStart(line);
        if (line + 1 >= LineCount)
        {
            return Length;
        }

        var next = GetLineStart(line + 1) - 1;
        if (this[next] == '\n' && next > start && this[next - 1] == '\r')
        {
            next--;
        }

        return next;
    }

    /// <summary>Offset of the start of the next line (or the end of the text), i.e. including the line break.</summary>
    public int GetLineEndIncludingBreak(int line) => line + 1 < LineCount ? GetLineStart(line + 1) : Length;

    public TextSpan GetLineSpan(int line) => TextSpan.FromBounds(GetLineStart(line), GetLineEnd(line));

    public string GetLineText(int line) => ToString(GetLineSpan(line));

    /// <summary>The zero-based line containing <paramref name="offset"/> (an offset inside a line break belongs to the line it ends).</summary>
    public int GetLineIndex(int offset)
    {
        offset = Math.Clamp(offset, 0, Length);
        var i = ChunkAt(offset);
        return _breaksBefore[i] + SortedOffsets.UpperBound(_chunks[i].Breaks, offset - _chunkStarts[i]);
    }

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

    /// <summary>Applies changes whose spans refer to this text and do not overlap, in any order.</summary>
    public SourceText WithChanges(IEnumerable<TextChange> changes)
    {
        var ordered = changes.OrderBy(c => c.Span.Start).ToList();
        if (ordered.Count == 0)
        {
            return this;
        }

        var position = 0;
        foreach (var change in ordered)
        {
            if (change.Span.Start < position || change.Span.End > Length || change.Span.Length < 0)
            {
                throw new ArgumentException($"Change {change.Span} overlaps another change or lies outside the text.", nameof(changes));
            }

            position = change.Span.End;
        }

        // From the last change to the first, so the offsets of the ones still to apply stay valid.
        var chunks = _chunks;
        for (var c = ordered.Count - 1; c >= 0; c--)
        {
            chunks = Replace(chunks, ordered[c].Span, ordered[c].NewText);
        }

        return new SourceText(chunks, HasByteOrderMark, ChunkSize);
    }

    public SourceText WithChange(TextSpan span, string newText) => WithChanges([new TextChange(span, newText)]);

    /// <summary>
    /// The chunks after replacing <paramref name="span"/> with <paramref name="newText"/>: the chunks the
    /// span touches are joined with the new text into one region, which takes in a neighbour while it is
    /// short or while a "\r\n" would straddle its edge, and is split again. Every other chunk is shared.
    /// </summary>
    private Chunk[] Replace(Chunk[] chunks, TextSpan span, string newText)
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

        var middle = new List<Chunk>(1);
        Split(region, ChunkSize, middle);
        var kept = chunks.Length - (hi + 1 - lo);
        if (kept + middle.Count == 0)
        {
            return [new Chunk(string.Empty)];
        }

        var result = new Chunk[kept + middle.Count];
        chunks.AsSpan(0, lo).CopyTo(result);
        middle.CopyTo(result, lo);
        chunks.AsSpan(hi + 1).CopyTo(result.AsSpan(lo + middle.Count));
        return result;
    }

    private static int[] StartsOf(Chunk[] chunks)
    {
        var starts = new int[chunks.Length + 1];
        for (var i = 0; i < chunks.Length; i++)
        {
            starts[i + 1] = starts[i] + chunks[i].Text.Length;
        }

        return starts;
    }

    /// <summary>Cuts <paramref name="text"/> into chunks of about <paramref name="chunkSize"/> characters, never inside a "\r\n".</summary>
    private static void Split(string text, int chunkSize, List<Chunk> into)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (text.Length <= 2 * chunkSize)
        {
            into.Add(new Chunk(text));
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

            into.Add(new Chunk(text[pos..cut]));
            pos = cut;
        }

        into.Add(new Chunk(text[pos..]));
    }

    /// <summary>The chunk holding <paramref name="offset"/>; the end of the text belongs to the last chunk.</summary>
    private int ChunkAt(int offset) => ChunkAt(_chunkStarts, _chunks.Length, offset);

    private static int ChunkAt(int[] starts, int count, int offset) => SortedOffsets.Floor(starts.AsSpan(0, count), offset);

    /// <summary>The first index of <paramref name="c"/> at or after <paramref name="start"/>, or -1.</summary>
    public int IndexOf(char c, int start)
    {
        start = Math.Max(0, start);
        if (start >= Length)
        {
            return -1;
        }

        for (var i = ChunkAt(start); i < _chunks.Length; i++)
        {
            var from = Math.Max(0, start - _chunkStarts[i]);
            var found = _chunks[i].Text.AsSpan(from).IndexOf(c);
            if (found >= 0)
            {
                return _chunkStarts[i] + from + found;
            }
        }

        return -1;
    }

    /// <summary>The last index of <paramref name="c"/> at or before <paramref name="start"/>, or -1.</summary>
    public int LastIndexOf(char c, int start)
    {
        if (start < 0 || Length == 0)
        {
            return -1;
        }

        start = Math.Min(start, Length - 1);
        for (var i = ChunkAt(start); i >= 0; i--)
        {
            var to = Math.Min(_chunks[i].Text.Length, start - _chunkStarts[i] + 1);
            var found = _chunks[i].Text.AsSpan(0, to).LastIndexOf(c);
            if (found >= 0)
            {
                return _chunkStarts[i] + found;
            }
        }

        return -1;
    }

    /// <summary>
    /// The first index at or after <paramref name="start"/> of <paramref name="value"/>, or -1 (ordinal
    /// comparison). Each chunk remembers where the last value searched for first occurs in it, so searching
    /// an edited long text for the same value again reads only the chunks the edits made.
    /// </summary>
    public int IndexOf(string value, int start)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        start = Math.Max(0, start);
        if (start >= Length)
        {
            return -1;
        }

        if (_chunks.Length == 1)
        {
            return _chunks[0].Text.IndexOf(value, start, StringComparison.Ordinal);
        }

        for (var i = ChunkAt(start); i < _chunks.Length; i++)
        {
            var chunk = _chunks[i];
            var from = Math.Max(0, start - _chunkStarts[i]);
            var found = from == 0 ? chunk.FirstIndexOf(value) : chunk.Text.IndexOf(value, from, StringComparison.Ordinal);
            if (found >= 0)
            {
                return _chunkStarts[i] + found;
            }

            // An occurrence that starts near the end of this chunk and runs on into the next.
            for (var p = Math.Max(from, chunk.Text.Length - value.Length + 1); p < chunk.Text.Length; p++)
            {
                if (MatchesAt(_chunkStarts[i] + p, value))
                {
                    return _chunkStarts[i] + p;
                }
            }
        }

        return -1;
    }

    private bool MatchesAt(int offset, string value)
    {
        if (offset + value.Length > Length)
        {
            return false;
        }

        for (var k = 0; k < value.Length; k++)
        {
            if (this[offset + k] != value[k])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many "\n" characters <paramref name="span"/> holds (the line count Cog's "\n"-only split sees).</summary>
    public int CountLineFeeds(TextSpan span)
    {
        CheckSpan(span);
        var count = 0;
        for (var i = ChunkAt(span.Start); i < _chunks.Length && _chunkStarts[i] < span.End; i++)
        {
            var from = Math.Max(span.Start, _chunkStarts[i]);
            var to = Math.Min(span.End, _chunkStarts[i + 1]);
            count += from == _chunkStarts[i] && to == _chunkStarts[i + 1]
                ? _chunks[i].LineFeeds
                : _chunks[i].Text.AsSpan(from - _chunkStarts[i], to - from).Count('\n');
        }

        return count;
    }

    /// <summary>How many leading characters this text and <paramref name="other"/> have in common. Chunks the two share are skipped without being read.</summary>
    public int CommonPrefixLength(SourceText other)
    {
        int i = 0, j = 0, matched = 0;
        while (i < _chunks.Length && j < other._chunks.Length && ReferenceEquals(_chunks[i], other._chunks[j]))
        {
            matched += _chunks[i].Text.Length;
            i++;
            j++;
        }

        var limit = Math.Min(Length, other.Length);
        while (matched < limit)
        {
            var a = SpanFrom(matched);
            var b = other.SpanFrom(matched);
            var n = Math.Min(a.Length, b.Length);
            var common = a[..n].CommonPrefixLength(b[..n]);
            matched += common;
            if (common < n)
            {
                break;
            }
        }

        return matched;
    }

    /// <summary>How many trailing characters this text and <paramref name="other"/> have in common. Chunks the two share are skipped without being read.</summary>
    public int CommonSuffixLength(SourceText other)
    {
        int i = _chunks.Length - 1, j = other._chunks.Length - 1, matched = 0;
        while (i >= 0 && j >= 0 && ReferenceEquals(_chunks[i], other._chunks[j]))
        {
            matched += _chunks[i].Text.Length;
            i--;
            j--;
        }

        var limit = Math.Min(Length, other.Length);
        while (matched < limit)
        {
            var a = SpanBefore(Length - matched);
            var b = other.SpanBefore(other.Length - matched);
            var n = Math.Min(a.Length, b.Length);
            var common = CommonSuffix(a[^n..], b[^n..]);
            matched += common;
            if (common < n)
            {
                break;
            }
        }

        return Math.Min(matched, limit);
    }

    /// <summary>Whether the two texts hold the same characters.</summary>
    public bool ContentEquals(SourceText other) =>
        ReferenceEquals(this, other) || (Length == other.Length && CommonPrefixLength(other) == Length);

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

    /// <summary>The text's own line break style, for edits that insert lines: the first break found, else "\n".</summary>
    public string PreferredLineBreak
    {
        get
        {
            foreach (var chunk in _chunks)
            {
                var i = chunk.Text.AsSpan().IndexOfAny('\r', '\n');
                if (i >= 0)
                {
                    // Chunks never split a "\r\n", so the character after a "\r" is in the same chunk.
                    return chunk.Text[i] == '\n' ? "\n" : i + 1 < chunk.Text.Length && chunk.Text[i + 1] == '\n' ? "\r\n" : "\r";
                }
            }

            return "\n";
        }
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

    /// <summary>A piece of the text with the offsets, relative to its start, just past each line break that ends in it.</summary>
    private sealed class Chunk
    {
        public Chunk(string text)
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
}
