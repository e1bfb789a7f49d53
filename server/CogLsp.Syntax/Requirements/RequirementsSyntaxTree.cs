using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Requirements;

/// <summary>
/// A requirements file as a list of logical lines. Architecture invariant: the lines partition the
/// text, so <see cref="ToFullString"/> returns the input exactly, whatever it was. Lines hold spans
/// relative to their own start; <see cref="GetLineStart"/> places them. <see cref="WithChange"/>
/// re-parses only the logical lines an edit touches and reuses every other line object as it is.
/// </summary>
public sealed class RequirementsSyntaxTree
{
    private readonly int[] _starts;
    private readonly LineFlags[] _flags;
    private readonly int[] _nameHashes;

    private RequirementsSyntaxTree(SourceText text, ImmutableArray<RequirementsLine> lines)
        : this(text, lines, new int[lines.Length + 1], new LineFlags[lines.Length], new int[lines.Length])
    {
        Summarize(0, lines.Length);
    }

    private RequirementsSyntaxTree(SourceText text, ImmutableArray<RequirementsLine> lines, int[] starts, LineFlags[] flags, int[] nameHashes)
    {
        Text = text;
        Lines = lines;
        _starts = starts;
        _flags = flags;
        _nameHashes = nameHashes;
    }

    /// <summary>The text this tree was parsed from.</summary>
    public SourceText Text { get; }

    public ImmutableArray<RequirementsLine> Lines { get; }

    public static RequirementsSyntaxTree Parse(string text) => Parse(SourceText.Verbatim(text));

    public static RequirementsSyntaxTree Parse(SourceText text)
    {
        var lines = ImmutableArray.CreateBuilder<RequirementsLine>();
        var reader = new LineReader(text, 8 * text.ChunkSize);
        var pos = 0;
        while (pos < text.Length)
        {
            lines.Add(LineParser.Parse(reader.Read(pos, out pos)));
        }

        return new RequirementsSyntaxTree(text, lines.ToImmutable());
    }

    /// <summary>The summary of line <paramref name="index"/>.</summary>
    public LineFlags GetFlags(int index) => _flags[index];

    /// <summary>The hash of line <paramref name="index"/>'s requirement name (see <see cref="RequirementsLine.NameHash"/>).</summary>
    public int GetNameHash(int index) => _nameHashes[index];

    /// <summary>
    /// The first line at or after <paramref name="from"/> whose summary has any of <paramref name="any"/>,
    /// or -1. Reads only the summary array, so finding the few lines of interest in a long file is cheap.
    /// </summary>
    public int NextLineWith(LineFlags any, int from)
    {
        for (var i = Math.Max(0, from); i < _flags.Length; i++)
        {
            if ((_flags[i] & any) != 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Offset of line <paramref name="index"/> in <see cref="Text"/>.</summary>
    public int GetLineStart(int index) => _starts[index];

    /// <summary>The full span (line breaks included) of line <paramref name="index"/>.</summary>
    public TextSpan GetLineSpan(int index) => TextSpan.FromBounds(_starts[index], _starts[index + 1]);

    /// <summary>The index of the logical line holding <paramref name="offset"/> (the end of the text belongs to the last line), or -1 for an empty file.</summary>
    public int GetLineIndex(int offset)
    {
        if (Lines.IsEmpty)
        {
            return -1;
        }

        var i = Array.BinarySearch(_starts, 0, Lines.Length, Math.Clamp(offset, 0, Text.Length));
        return i >= 0 ? Math.Min(i, Lines.Length - 1) : ~i - 1;
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
        if (change.Span.Start < 0 || change.Span.End > Text.Length || newText.Length != Text.Length + delta || Lines.IsEmpty)
        {
            return Parse(newText);
        }

        var first = GetLineIndex(change.Span.Start);
        if (first > 0 && change.Span.Start == _starts[first])
        {
            // An edit at the very start of a line can join the previous line's "\r" with a new "\n".
            first--;
        }

        var editEndNew = change.Span.Start + change.NewText.Length;
        var parsed = new List<RequirementsLine>();
        var reader = new LineReader(newText, Math.Max(1, newText.ChunkSize / 2));
        var pos = _starts[first];
        var oldIndex = first;
        while (pos < newText.Length)
        {
            if (pos >= editEndNew && pos - delta >= change.Span.End)
            {
                // Find an old line that started exactly here; from it on the text is unchanged.
                var oldPos = pos - delta;
                while (oldIndex < Lines.Length && _starts[oldIndex] < oldPos)
                {
                    oldIndex++;
                }

                if (oldIndex < Lines.Length && _starts[oldIndex] == oldPos)
                {
                    return Spliced(newText, first, parsed, oldIndex, delta);
                }
            }

            parsed.Add(LineParser.Parse(reader.Read(pos, out pos)));
        }

        return Spliced(newText, first, parsed, Lines.Length, delta);
    }

    /// <summary>
    /// The tree of an edit whose lines are this tree's lines before <paramref name="first"/>, then
    /// <paramref name="parsed"/>, then this tree's lines from <paramref name="oldIndex"/> on (moved by
    /// <paramref name="delta"/> characters). Lines, line starts and summaries of the kept lines are copied
    /// in blocks, not recomputed.
    /// </summary>
    private RequirementsSyntaxTree Spliced(SourceText newText, int first, List<RequirementsLine> parsed, int oldIndex, int delta)
    {
        var kept = Lines.Length - oldIndex;
        var parsedEnd = first + parsed.Count;
        var lines = new RequirementsLine[parsedEnd + kept];
        Lines.CopyTo(0, lines, 0, first);
        parsed.CopyTo(lines, first);
        Lines.CopyTo(oldIndex, lines, parsedEnd, kept);

        var starts = new int[lines.Length + 1];
        var flags = new LineFlags[lines.Length];
        var hashes = new int[lines.Length];
        Array.Copy(_starts, starts, first + 1);
        Array.Copy(_flags, flags, first);
        Array.Copy(_nameHashes, hashes, first);
        Array.Copy(_flags, oldIndex, flags, parsedEnd, kept);
        Array.Copy(_nameHashes, oldIndex, hashes, parsedEnd, kept);
        for (var i = 0; i < kept; i++)
        {
            starts[parsedEnd + i + 1] = _starts[oldIndex + i + 1] + delta;
        }

        var tree = new RequirementsSyntaxTree(newText, ImmutableCollectionsMarshal.AsImmutableArray(lines), starts, flags, hashes);
        tree.Summarize(first, parsedEnd);
        return tree;
    }

    /// <summary>Fills in the start, summary and name hash of lines [<paramref name="from"/>, <paramref name="to"/>) (the start of line <paramref name="from"/> must be set).</summary>
    private void Summarize(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var line = Lines[i];
            _starts[i + 1] = _starts[i] + line.FullWidth;
            _flags[i] = line.Flags;
            _nameHashes[i] = line.NameHash;
        }
    }

    /// <summary>How many line objects this tree shares with <paramref name="other"/> (for tests of reuse).</summary>
    public int CountSharedLines(RequirementsSyntaxTree other)
    {
        var set = new HashSet<RequirementsLine>(other.Lines, ReferenceEqualityComparer.Instance);
        return Lines.Count(set.Contains);
    }

    /// <summary>A readable structural dump with absolute offsets, for tests and debugging.</summary>
    public string Dump()
    {
        var b = new StringBuilder();
        for (var i = 0; i < Lines.Length; i++)
        {
            var line = Lines[i];
            var s = _starts[i];
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
