using System.Collections.Immutable;
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
/// <see cref="Text"/> joins the chunks on first use (a pure function of the chunks, kept once made);
/// code on the keystroke path reads through the span-based members instead.
/// </para>
/// <para>
/// A text made by <see cref="WithChanges"/> remembers the changes that made it, and those its
/// predecessor remembered (a bounded number of steps), naming the earlier texts only by an identity
/// number: <see cref="TryGetChangesSince"/> tells a parser how to get from an earlier text it has a tree
/// for to this one, and no earlier text is kept alive by it.
/// </para>
/// </summary>
public sealed partial class SourceText
{
    /// <summary>Chunks hold between half and twice this many characters (except when the whole text is shorter).</summary>
    internal const int DefaultChunkSize = 2048;

    private readonly TextChunk[] _chunks;

    /// <summary>Offset of each chunk's first character, then the length of the text.</summary>
    private readonly int[] _chunkStarts;

    /// <summary>How many line breaks the chunks before each chunk hold, then the total.</summary>
    private readonly int[] _breaksBefore;

    /// <summary>The changes that made this text from an earlier one, or null for a text made from a string.</summary>
    private readonly TextEditHistory? _history;

    private static long s_lastId;

    private string? _text;

    private SourceText(TextChunk[] chunks, bool hasByteOrderMark, int chunkSize, TextEditHistory? history = null)
    {
        _chunks = chunks;
        _history = history;
        Id = Interlocked.Increment(ref s_lastId);
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

    /// <summary>This text's identity (unique in the process), by which later texts name it in their edit history.</summary>
    internal long Id { get; }

    public bool HasByteOrderMark { get; }

    /// <summary>The chunk size this text and the texts edited from it use (a reader of it can size its buffers to match).</summary>
    internal int ChunkSize { get; }

    /// <summary>How many chunks the text is stored in (for tests of sharing).</summary>
    internal int ChunkCount => _chunks.Length;

    /// <summary>How many of this text's chunks are the very objects <paramref name="other"/> holds (for tests of sharing).</summary>
    internal int CountSharedChunks(SourceText other) => _chunks.Count(new HashSet<TextChunk>(other._chunks, ReferenceEqualityComparer.Instance).Contains);

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

        var chunks = new List<TextChunk>();
        Split(text, chunkSize, chunks);
        if (chunks.Count == 0)
        {
            chunks.Add(new TextChunk(string.Empty));
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

        // Applied from the last to the first, each change is relative to the text the ones before it made.
        ordered.Reverse();
        return new SourceText(chunks, HasByteOrderMark, ChunkSize, new TextEditHistory(Id, [.. ordered], _history));
    }

    public SourceText WithChange(TextSpan span, string newText) => WithChanges([new TextChange(span, newText)]);

    /// <summary>
    /// The changes that made this text from <paramref name="older"/> through <see cref="WithChanges"/>
    /// (possibly over several steps), in the order they were applied, each relative to the text the ones
    /// before it made (the order of LSP's didChange). Empty when the two are the same text object; false
    /// when this text was not edited from <paramref name="older"/>, or too many steps ago to remember.
    /// </summary>
    public bool TryGetChangesSince(SourceText older, out ImmutableArray<TextChange> changes)
    {
        ArgumentNullException.ThrowIfNull(older);
        if (ReferenceEquals(this, older))
        {
            changes = [];
            return true;
        }

        var depth = 0;
        for (var history = _history; history is not null; history = history.Previous)
        {
            depth++;
            if (history.FromId != older.Id)
            {
                continue;
            }

            var steps = new TextEditHistory[depth];
            var at = depth;
            for (var step = _history; at > 0; step = step!.Previous)
            {
                steps[--at] = step!;
            }

            changes = steps.Length == 1 ? steps[0].Changes : [.. steps.SelectMany(step => step.Changes)];
            return true;
        }

        changes = default;
        return false;
    }

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
}
