using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Requirements;

/// <summary>
/// A requirements file as a list of logical lines. Architecture invariant: the lines partition the
/// text, so <see cref="ToFullString"/> returns the input exactly, whatever it was. Lines hold spans
/// relative to their own start; <see cref="GetLineStart"/> places them. <see cref="WithChange"/>
/// re-parses only the logical lines an edit touches and reuses every other line object as it is.
/// <para>
/// The lines are kept in blocks of about <see cref="BlockSize"/>, each with its lines' starts (relative
/// to the block), summaries (<see cref="LineFlags"/>) and name hashes. An edit builds new blocks for the
/// lines it re-parsed and shares every other block with the tree before it, so a keystroke in a long
/// file allocates a block or two and a short directory, not arrays as long as the file.
/// </para>
/// </summary>
public sealed class RequirementsSyntaxTree
{
    /// <summary>Blocks hold between half and twice this many lines.</summary>
    internal const int BlockSize = 128;

    private readonly LineBlock[] _blocks;

    /// <summary>Index of each block's first line, then the line count.</summary>
    private readonly int[] _blockFirstLine;

    /// <summary>Offset of each block's first line, then the length of the text.</summary>
    private readonly int[] _blockStart;

    /// <summary>This tree's name counts: computed on first use, or derived from the tree it was edited from.</summary>
    private readonly NameCountsCell _names;

    private RequirementsSyntaxTree(SourceText text, LineBlock[] blocks, NameCountsCell.Derivation? names = null)
    {
        Text = text;
        _blocks = blocks;
        _names = new NameCountsCell(this, names);
        _blockFirstLine = new int[blocks.Length + 1];
        _blockStart = new int[blocks.Length + 1];
        for (var b = 0; b < blocks.Length; b++)
        {
            _blockFirstLine[b + 1] = _blockFirstLine[b] + blocks[b].Lines.Length;
            _blockStart[b + 1] = _blockStart[b] + blocks[b].Width;
        }
    }

    /// <summary>The text this tree was parsed from.</summary>
    public SourceText Text { get; }

    public LineList Lines => new(this);

    public static RequirementsSyntaxTree Parse(string text) => Parse(SourceText.Verbatim(text));

    public static RequirementsSyntaxTree Parse(SourceText text)
    {
        var lines = new List<RequirementsLine>();
        var reader = new LineReader(text, 8 * text.ChunkSize);
        var pos = 0;
        while (pos < text.Length)
        {
            lines.Add(LineParser.Parse(reader.Read(pos, out pos)));
        }

        var blocks = new List<LineBlock>();
        LineBlock.Split(lines, blocks);
        return new RequirementsSyntaxTree(text, [.. blocks]);
    }

    /// <summary>The summary of line <paramref name="index"/>.</summary>
    public LineFlags GetFlags(int index)
    {
        var b = BlockOf(index);
        return _blocks[b].Flags[index - _blockFirstLine[b]];
    }

    /// <summary>The hash of line <paramref name="index"/>'s requirement name (see <see cref="RequirementsLine.NameHash"/>).</summary>
    public int GetNameHash(int index)
    {
        var b = BlockOf(index);
        return _blocks[b].NameHashes[index - _blockFirstLine[b]];
    }

    /// <summary>
    /// The name hashes (see <see cref="RequirementsLine.NameHash"/>) that more than one requirement line
    /// pip accepts has: only those lines can name the same package. Kept up to date across edits from
    /// the counts of the tree an edit came from, so asking costs the lines the edit touched, not the file.
    /// </summary>
    public IReadOnlySet<int> RepeatedNameHashes => _names.Repeated();

    /// <summary>
    /// The lines whose summary has any of <paramref name="any"/>, in order. Reads only the summaries
    /// (and skips whole blocks without such lines), so finding the few lines of interest in a long file is cheap.
    /// </summary>
    public LineScan LinesWith(LineFlags any) => new(this, any);

    /// <summary>Offset of line <paramref name="index"/> in <see cref="Text"/> (the line count gives the end of the text).</summary>
    public int GetLineStart(int index)
    {
        if (index == LineCount)
        {
            return Text.Length;
        }

        var b = BlockOf(index);
        return _blockStart[b] + _blocks[b].Starts[index - _blockFirstLine[b]];
    }

    /// <summary>The full span (line breaks included) of line <paramref name="index"/>.</summary>
    public TextSpan GetLineSpan(int index) => new(GetLineStart(index), GetLine(index).FullWidth);

    /// <summary>The index of the logical line holding <paramref name="offset"/> (the end of the text belongs to the last line), or -1 for an empty file.</summary>
    public int GetLineIndex(int offset)
    {
        if (LineCount == 0)
        {
            return -1;
        }

        offset = Math.Clamp(offset, 0, Text.Length);
        var b = SortedOffsets.Floor(_blockStart.AsSpan(0, _blocks.Length), offset);
        var block = _blocks[b];
        var local = SortedOffsets.Floor(block.Starts, offset - _blockStart[b]);
        return _blockFirstLine[b] + local;
    }

    private int LineCount => _blockFirstLine[^1];

    private RequirementsLine GetLine(int index)
    {
        var b = BlockOf(index);
        return _blocks[b].Lines[index - _blockFirstLine[b]];
    }

    private int BlockOf(int index)
    {
        if ((uint)index >= (uint)LineCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return SortedOffsets.Floor(_blockFirstLine.AsSpan(0, _blocks.Length), index);
    }

    public string ToFullString()
    {
        var b = new StringBuilder(Text.Length);
        foreach (var line in Lines)
        {
            foreach (var token in line.Tokens)
            {
                b.Append(line.FullText, token.Span.Start, token.Span.Length);
            }
        }

        return b.ToString();
    }

    /// <summary>
    /// The tree of <paramref name="newText"/>, which is this tree's text with <paramref name="change"/>
    /// applied. Lines before the edit and lines after it are reused; re-parsing starts at the line of
    /// the edit (one line earlier when the edit starts a line, as a line break can merge with it) and
    /// stops at the first line boundary past the edit that was also a boundary before it.
    /// </summary>
    public RequirementsSyntaxTree WithChange(TextChange change, string newText) => WithChange(change, SourceText.Verbatim(newText));

    public RequirementsSyntaxTree WithChange(TextChange change, SourceText newText)
    {
        var delta = change.NewText.Length - change.Span.Length;
        if (change.Span.Start < 0 || change.Span.End > Text.Length || newText.Length != Text.Length + delta || LineCount == 0)
        {
            return Parse(newText);
        }

        var first = GetLineIndex(change.Span.Start);
        if (first > 0 && change.Span.Start == GetLineStart(first))
        {
            // An edit at the very start of a line can join the previous line's "\r" with a new "\n".
            first--;
        }

        var editEndNew = change.Span.Start + change.NewText.Length;
        var parsed = new List<RequirementsLine>();
        var reader = new LineReader(newText, Math.Max(1, newText.ChunkSize / 8));
        var pos = GetLineStart(first);
        var oldIndex = first;
        var oldStart = pos;
        while (pos < newText.Length)
        {
            if (pos >= editEndNew && pos - delta >= change.Span.End)
            {
                // Find an old line that started exactly here; from it on the text is unchanged.
                var oldPos = pos - delta;
                while (oldIndex < LineCount && oldStart < oldPos)
                {
                    oldStart += GetLine(oldIndex).FullWidth;
                    oldIndex++;
                }

                if (oldIndex < LineCount && oldStart == oldPos)
                {
                    return Spliced(newText, first, parsed, oldIndex);
                }
            }

            parsed.Add(LineParser.Parse(reader.Read(pos, out pos)));
        }

        return Spliced(newText, first, parsed, LineCount);
    }

    /// <summary>
    /// The tree of an edit whose lines are this tree's lines before <paramref name="first"/>, then
    /// <paramref name="parsed"/>, then this tree's lines from <paramref name="oldIndex"/> on. The blocks
    /// holding lines <paramref name="first"/> to <paramref name="oldIndex"/> - 1 are rebuilt (taking in a
    /// neighbour while they would be short); every other block is shared.
    /// </summary>
    private RequirementsSyntaxTree Spliced(SourceText newText, int first, List<RequirementsLine> parsed, int oldIndex)
    {
        var lo = first < LineCount ? BlockOf(first) : _blocks.Length - 1;
        var hi = oldIndex > first ? BlockOf(oldIndex - 1) : lo;
        var region = new List<RequirementsLine>(parsed.Count + 2 * BlockSize);
        region.AddRange(_blocks[lo].Lines.AsSpan(0, first - _blockFirstLine[lo]));
        region.AddRange(parsed);
        region.AddRange(_blocks[hi].Lines.AsSpan(Math.Max(0, oldIndex - _blockFirstLine[hi])));
        while (region.Count < BlockSize / 2 && (lo > 0 || hi < _blocks.Length - 1))
        {
            if (hi < _blocks.Length - 1)
            {
                region.AddRange(_blocks[++hi].Lines);
            }
            else
            {
                region.InsertRange(0, _blocks[--lo].Lines);
            }
        }

        var middle = new List<LineBlock>(1);
        LineBlock.Split(region, middle);
        var blocks = new LineBlock[_blocks.Length - (hi + 1 - lo) + middle.Count];
        _blocks.AsSpan(0, lo).CopyTo(blocks);
        middle.CopyTo(blocks, lo);
        _blocks.AsSpan(hi + 1).CopyTo(blocks.AsSpan(lo + middle.Count));

        // The name counts change by the names of the lines replaced and of the lines parsed in their place.
        var removed = new List<int>();
        for (var i = first; i < oldIndex; i++)
        {
            if (CountedNameHash(GetFlags(i), GetNameHash(i)) is { } hash)
            {
                removed.Add(hash);
            }
        }

        var added = parsed.Select(line => CountedNameHash(line.Flags, line.NameHash)).OfType<int>().ToArray();
        return new RequirementsSyntaxTree(newText, blocks, _names.Derive([.. removed], added));
    }

    /// <summary>The name hash a line adds to the name counts: requirement lines pip accepts that have a name.</summary>
    private static int? CountedNameHash(LineFlags flags, int hash) =>
        hash != 0 && (flags & (LineFlags.Requirement | LineFlags.Errors)) == LineFlags.Requirement ? hash : null;

    /// <summary>How many line objects this tree shares with <paramref name="other"/> (for tests of reuse).</summary>
    public int CountSharedLines(RequirementsSyntaxTree other)
    {
        var set = new HashSet<RequirementsLine>(other.Lines, ReferenceEqualityComparer.Instance);
        return Lines.Count(set.Contains);
    }

    /// <summary>How many blocks this tree shares with <paramref name="other"/> (for tests of sharing).</summary>
    internal int CountSharedBlocks(RequirementsSyntaxTree other) => _blocks.Count(new HashSet<LineBlock>(other._blocks, ReferenceEqualityComparer.Instance).Contains);

    internal int BlockCount => _blocks.Length;

    /// <summary>The lines of a tree, in order (indexing finds the block first; enumerating walks the blocks).</summary>
    public readonly struct LineList(RequirementsSyntaxTree tree) : IReadOnlyList<RequirementsLine>
    {
        public int Length => tree.LineCount;

        public int Count => tree.LineCount;

        public bool IsEmpty => tree.LineCount == 0;

        public RequirementsLine this[int index] => tree.GetLine(index);

        public LineEnumerator GetEnumerator() => new(tree);

        IEnumerator<RequirementsLine> IEnumerable<RequirementsLine>.GetEnumerator()
        {
            var lines = GetEnumerator();
            while (lines.MoveNext())
            {
                yield return lines.Current;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => ((IEnumerable<RequirementsLine>)this).GetEnumerator();
    }

    /// <summary>Enumerates the lines of a tree as <see cref="RequirementsLine"/> objects.</summary>
    public struct LineEnumerator(RequirementsSyntaxTree tree)
    {
        private LineScanEnumerator _scan = new(tree, LineFlags.None, all: true);

        public readonly RequirementsLine Current => _scan.Current.Line;

        public bool MoveNext() => _scan.MoveNext();
    }

    /// <summary>The lines of a tree whose summary has any of a set of flags (see <see cref="LinesWith"/>).</summary>
    public readonly struct LineScan(RequirementsSyntaxTree tree, LineFlags any, bool all = false) : IEnumerable<LineEntry>
    {
        public LineScanEnumerator GetEnumerator() => new(tree, any, all);

        IEnumerator<LineEntry> IEnumerable<LineEntry>.GetEnumerator()
        {
            var scan = GetEnumerator();
            while (scan.MoveNext())
            {
                yield return scan.Current;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => ((IEnumerable<LineEntry>)this).GetEnumerator();
    }

    /// <summary>Walks the blocks of a tree, skipping blocks none of whose lines has the flags asked for.</summary>
    public struct LineScanEnumerator(RequirementsSyntaxTree tree, LineFlags any, bool all)
    {
        private int _block;
        private int _local = -1;

        public readonly LineEntry Current
        {
            get
            {
                var block = tree._blocks[_block];
                return new LineEntry(tree._blockFirstLine[_block] + _local, block.Lines[_local], tree._blockStart[_block] + block.Starts[_local], block.Flags[_local], block.NameHashes[_local]);
            }
        }

        public bool MoveNext()
        {
            while (_block < tree._blocks.Length)
            {
                var block = tree._blocks[_block];
                if (all || (block.AnyFlags & any) != 0)
                {
                    for (_local++; _local < block.Lines.Length; _local++)
                    {
                        if (all || (block.Flags[_local] & any) != 0)
                        {
                            return true;
                        }
                    }
                }

                _block++;
                _local = -1;
            }

            return false;
        }
    }

    /// <summary>How many counted lines have each name hash, and which hashes occur more than once.</summary>
    private sealed class NameCounts
    {
        public Dictionary<int, int> Counts { get; } = [];

        public HashSet<int> Repeated { get; } = [];

        public void Add(int hash)
        {
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(Counts, hash, out _);
            if (++count == 2)
            {
                Repeated.Add(hash);
            }
        }

        public void Remove(int hash)
        {
            ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(Counts, hash);
            if (--count == 1)
            {
                Repeated.Remove(hash);
            }
            else if (count == 0)
            {
                Counts.Remove(hash);
            }
        }
    }

    /// <summary>
    /// A tree's <see cref="NameCounts"/>. Architecture: the counts of a long file are not copied on every
    /// edit; the edited tree's cell takes them over from the cell of the tree it came from (if that cell
    /// has them) and applies the edit's removed and added names. The old cell keeps its answer, a copy of
    /// the repeated hashes (usually none) that later edits never change, but has no counts to hand on: a
    /// second tree edited from it counts from scratch (rare: edits follow one another). A cell refers to
    /// the previous cell only until it has its own counts, and only to a cell that had counts when the
    /// edit was made, so no chain of old trees is kept alive.
    /// </summary>
    private sealed class NameCountsCell(RequirementsSyntaxTree tree, NameCountsCell.Derivation? derivation)
    {
        private readonly object _gate = new();
        private Derivation? _pending = derivation;
        private NameCounts? _counts;
        private IReadOnlySet<int>? _repeated;

        /// <summary>How a cell's counts follow from the counts of the cell it was derived from.</summary>
        public sealed record Derivation(NameCountsCell From, int[] Removed, int[] Added);

        /// <summary>How the counts of a tree edited from this one follow from these; null when this cell has none to hand over.</summary>
        public Derivation? Derive(int[] removed, int[] added)
        {
            lock (_gate)
            {
                return _counts is null ? null : new Derivation(this, removed, added);
            }
        }

        public IReadOnlySet<int> Repeated()
        {
            lock (_gate)
            {
                if (_repeated is null)
                {
                    _counts = Count();
                    _repeated = _counts.Repeated.Count == 0 ? FrozenSet<int>.Empty : _counts.Repeated.ToFrozenSet();
                }

                return _repeated;
            }
        }

        /// <summary>The counts, from the previous cell's and the edit when it still has them, else from every line.</summary>
        private NameCounts Count()
        {
            var pending = _pending;
            _pending = null;
            if (pending?.From.TakeCounts() is { } counts)
            {
                foreach (var hash in pending.Removed)
                {
                    counts.Remove(hash);
                }

                foreach (var hash in pending.Added)
                {
                    counts.Add(hash);
                }

                return counts;
            }

            counts = new NameCounts();
            foreach (var entry in tree.LinesWith(LineFlags.Requirement))
            {
                if (CountedNameHash(entry.Flags, entry.NameHash) is { } hash)
                {
                    counts.Add(hash);
                }
            }

            return counts;
        }

        /// <summary>Hands this cell's counts over to a cell derived from it; this cell keeps its answer.</summary>
        private NameCounts? TakeCounts()
        {
            lock (_gate)
            {
                var counts = _counts;
                _counts = null;
                return counts;
            }
        }
    }

    /// <summary>One line found by <see cref="LinesWith"/>: its index, object, start offset, summary and name hash.</summary>
    public readonly record struct LineEntry(int Index, RequirementsLine Line, int Start, LineFlags Flags, int NameHash);

    /// <summary>
    /// A run of consecutive lines with their starts (relative to the block), summaries and name hashes,
    /// built once and shared by every tree whose edits left these lines alone.
    /// </summary>
    private sealed class LineBlock
    {
        private LineBlock(RequirementsLine[] lines)
        {
            Lines = lines;
            Starts = new int[lines.Length];
            Flags = new LineFlags[lines.Length];
            NameHashes = new int[lines.Length];
            var width = 0;
            for (var i = 0; i < lines.Length; i++)
            {
                Starts[i] = width;
                width += lines[i].FullWidth;
                Flags[i] = lines[i].Flags;
                AnyFlags |= lines[i].Flags;
                NameHashes[i] = lines[i].NameHash;
            }

            Width = width;
        }

        public RequirementsLine[] Lines { get; }

        public int[] Starts { get; }

        public LineFlags[] Flags { get; }

        public int[] NameHashes { get; }

        /// <summary>Every flag any line of the block has.</summary>
        public LineFlags AnyFlags { get; }

        /// <summary>The length of the block's text.</summary>
        public int Width { get; }

        /// <summary>Cuts <paramref name="lines"/> into blocks of about <see cref="BlockSize"/> lines.</summary>
        public static void Split(List<RequirementsLine> lines, List<LineBlock> into)
        {
            var span = CollectionsMarshal.AsSpan(lines);
            while (span.Length > 2 * BlockSize)
            {
                into.Add(new LineBlock(span[..BlockSize].ToArray()));
                span = span[BlockSize..];
            }

            if (span.Length > 0)
            {
                into.Add(new LineBlock(span.ToArray()));
            }
        }
    }

    /// <summary>A readable structural dump with absolute offsets, for tests and debugging.</summary>
    public string Dump()
    {
        var b = new StringBuilder();
        for (var i = 0; i < Lines.Length; i++)
        {
            var line = Lines[i];
            var s = GetLineStart(i);
            b.Append(i).Append(' ').Append(line.Kind).Append(' ').Append(Shift(new TextSpan(0, line.FullWidth), s)).Append(" phys=").Append(line.PhysicalLineCount).Append('\n');
            foreach (var t in line.Tokens)
            {
                b.Append("  ").Append(t.Kind).Append(' ').Append(Shift(t.Span, s)).Append('\n');
            }

            foreach (var e in line.Errors)
            {
                b.Append("  error ").Append(e.Kind).Append(' ').Append(Shift(e.Span, s)).Append(' ').Append(e.Message).Append('\n');
            }

            if (line.Requirement is { } r)
            {
                b.Append("  req ").Append(r.Form).Append(' ').Append(r.Name?.Text).Append(' ').Append(r.SpecifierSet).Append(' ').Append(r.Location?.Text).Append(" marker=").Append(r.MarkerText?.Text).Append('\n');
            }

            foreach (var o in line.Options)
            {
                b.Append("  opt ").Append(o.Name.Text).Append(' ').Append(Shift(o.Name.Span, s)).Append(" = ").Append(o.Value?.Text).Append('\n');
            }
        }

        return b.ToString();

        static TextSpan Shift(TextSpan span, int by) => new(span.Start + by, span.Length);
    }

    /// <summary>
    /// Reads logical lines out of a <see cref="SourceText"/> through a window copied from it, so that
    /// parsing a few lines of a long text copies only those lines' neighbourhood.
    /// </summary>
    private struct LineReader(SourceText text, int windowSize)
    {
        private string _window = string.Empty;
        private int _windowStart;

        /// <summary>The logical line that starts at <paramref name="start"/>; <paramref name="end"/> is where it ends.</summary>
        public string Read(int start, out int end)
        {
            var size = windowSize;
            while (true)
            {
                if (start < _windowStart || start >= _windowStart + _window.Length)
                {
                    Fill(start, size);
                }

                var local = start - _windowStart;
                var localEnd = ScanLogicalLine(_window, local);
                if (localEnd < _window.Length || _windowStart + _window.Length == text.Length)
                {
                    end = _windowStart + localEnd;
                    return _window[local..localEnd];
                }

                // The line may go on past the window (or end in a "\r" whose "\n" is past it): widen it.
                size = Math.Max(size, _window.Length - local) * 2;
                Fill(start, size);
            }
        }

        private void Fill(int start, int size)
        {
            _windowStart = start;
            _window = text.ToString(new TextSpan(start, Math.Min(size, text.Length - start)));
        }
    }

    /// <summary>
    /// The end of the logical line that starts at <paramref name="start"/>: physical lines (split as
    /// Python's splitlines does) are joined while they end with a backslash and are not comments.
    /// </summary>
    internal static int ScanLogicalLine(string text, int start)
    {
        var pos = start;
        while (pos < text.Length)
        {
            var brk = PythonText.FindBreak(text, pos, text.Length, out var len);
            var contentEnd = brk < 0 ? text.Length : brk;
            var end = brk < 0 ? text.Length : brk + len;
            var continues = contentEnd > pos && text[contentEnd - 1] == '\\' && !PythonText.StartsWithComment(text, pos, contentEnd);
            pos = end;
            if (!continues)
            {
                break;
            }
        }

        return pos;
    }
}
