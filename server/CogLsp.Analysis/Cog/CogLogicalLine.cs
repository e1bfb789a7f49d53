using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// One requirement as Cog reads it: a requirements-file line after Cog joined `\` continuations,
/// trimmed it and cut it at the first '#', or one python_packages entry as written. Keeps the map
/// from each character back to the source so findings land on the exact characters.
/// </summary>
public sealed class CogLogicalLine
{
    private readonly int[] _offsets;

    internal CogLogicalLine(int index, int firstLine, int lastLine, string text, int[] offsets, bool fromPythonPackages, string rawBeforeCommentCut, int rawCommentIndex)
    {
        Index = index;
        FirstLine = firstLine;
        LastLine = lastLine;
        Text = text;
        _offsets = offsets;
        FromPythonPackages = fromPythonPackages;
        TextBeforeCommentCut = rawBeforeCommentCut;
        CommentIndex = rawCommentIndex;
    }

    /// <summary>The 0-based physical line where this requirement starts, or its index in python_packages.</summary>
    public int Index { get; }

    public int FirstLine { get; }

    /// <summary>The last physical line (greater than <see cref="FirstLine"/> after `\` continuations).</summary>
    public int LastLine { get; }

    /// <summary>What Cog works with: the joined, trimmed, comment-cut text.</summary>
    public string Text { get; }

    /// <summary>True for a python_packages entry (offsets are then relative to the entry's text).</summary>
    public bool FromPythonPackages { get; }

    /// <summary>The joined and trimmed text before Cog cut it at '#'.</summary>
    public string TextBeforeCommentCut { get; }

    /// <summary>Index of the '#' Cog cut at in <see cref="TextBeforeCommentCut"/>, or -1.</summary>
    public int CommentIndex { get; }

    /// <summary>
    /// The source span of <paramref name="length"/> characters of <see cref="TextBeforeCommentCut"/>
    /// starting at <paramref name="start"/> (absolute in the requirements text, or relative to the
    /// python_packages entry).
    /// </summary>
    public TextSpan SourceSpan(int start, int length)
    {
        if (_offsets.Length == 0)
        {
            return new TextSpan(0, 0);
        }

        start = Math.Clamp(start, 0, _offsets.Length - 1);
        var last = Math.Clamp(start + Math.Max(length, 1) - 1, start, _offsets.Length - 1);
        var end = length == 0 ? _offsets[start] : _offsets[last] + 1;
        return TextSpan.FromBounds(_offsets[start], end);
    }

    /// <summary>The span of the whole of <see cref="Text"/>.</summary>
    public TextSpan TextSpan => SourceSpan(0, Text.Length);

    public override string ToString() => $"{Index}: {Text}";
}
