using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// Reads a requirements file the way Cog 6110c912 does (pkg/requirements ReadRequirements and
/// scanLinesWithContinuations), which is NOT pip's way: a line ending in `\` is joined with the next
/// even when it is a comment, blank lines inside the scan are skipped, every line is trimmed, lines
/// starting with '#' and bare `-e .` lines are dropped, and every other line is cut at its first '#',
/// wherever it stands (inside a URL too). Works on text, keeping positions.
/// </summary>
public static partial class CogRequirementsReader
{
    /// <summary>bufio.Scanner's default limit: a longer line makes Cog fail with "token too long".</summary>
    public const int MaxTokenBytes = 64 * 1024;

    /// <summary>
    /// Result of reading: the lines Cog keeps, the bare `-e .` lines it drops, the comments it joined
    /// with the lines after them (first and last physical line, and the last line's span without its
    /// break), and its error if it fails.
    /// </summary>
    public sealed record Result(ImmutableArray<CogLogicalLine> Lines, ImmutableArray<CogLogicalLine> EditableSelfLines, ImmutableArray<(int FirstLine, int LastLine, TextSpan LastLineSpan)> CommentContinuations, string? Error);

    public static Result Read(string text)
    {
        var lines = ImmutableArray.CreateBuilder<CogLogicalLine>();
        var editable = ImmutableArray.CreateBuilder<CogLogicalLine>();
        var commentJoins = ImmutableArray.CreateBuilder<(int, int, TextSpan)>();
        string? error = null;
        var lineStarts = LineStarts(text);
        var position = 0;
        while (position < text.Length)
        {
            // One call of Cog's split function on the rest of the file.
            var chars = new StringBuilder();
            var offsets = new List<int>();
            var start = position;
            var advance = text.Length;
            var joined = false;
            var found = false;
            for (var i = position; i < text.Length; i++)
            {
                if (text[i] != '\n')
                {
                    continue;
                }

                var end = i > position && text[i - 1] == '\r' ? i - 1 : i;
                Append(text, start, end, chars, offsets);
                if (chars.Length > 0 && chars[^1] == '\\')
                {
                    chars.Length--;
                    offsets.RemoveAt(offsets.Count - 1);
                    start = i + 1;
                    joined = true;
                    continue;
                }

                if (chars.Length == 0)
                {
                    continue;
                }

                advance = i + 1;
                found = true;
                break;
            }

            if (!found)
            {
                if (text.Length > start)
                {
                    Append(text, start, text.Length, chars, offsets);
                    if (chars.Length > 0 && chars[^1] == '\r')
                    {
                        chars.Length--;
                        offsets.RemoveAt(offsets.Count - 1);
                    }
                }

                advance = text.Length;
            }

            if (error is null && Encoding.UTF8.GetByteCount(text.AsSpan(position, advance - position)) > MaxTokenBytes)
            {
                error = "failed to open python_requirements file: bufio.Scanner: token too long";
            }

            position = advance;
            var token = chars.ToString();
            var (trimStart, trimmed) = GoStrings.TrimSpaceWithStart(token);
            if (trimmed.Length == 0)
            {
                continue;
            }

            var trimmedOffsets = offsets.GetRange(trimStart, trimmed.Length).ToArray();
            var first = LineOf(lineStarts, trimmedOffsets[0]);
            var last = LineOf(lineStarts, trimmedOffsets[^1]);
            if (trimmed[0] == '#')
            {
                if (joined && last > first)
                {
                    commentJoins.Add((first, last, PhysicalLineSpan(text, lineStarts[last])));
                }

                continue;
            }

            if (EditableSelf().IsMatch(trimmed))
            {
                editable.Add(new CogLogicalLine(first, first, last, trimmed, trimmedOffsets, false, trimmed, -1));
                continue;
            }

            var hash = trimmed.IndexOf('#', StringComparison.Ordinal);
            var kept = hash >= 0 ? GoStrings.TrimSpace(trimmed[..hash]) : trimmed;
            if (kept.Length > 0)
            {
                lines.Add(new CogLogicalLine(first, first, last, kept, trimmedOffsets, false, trimmed, hash));
            }
        }

        return new Result(lines.ToImmutable(), editable.ToImmutable(), commentJoins.ToImmutable(), error);
    }

    /// <summary>The python_packages entries as Cog uses them: verbatim, one line each.</summary>
    public static ImmutableArray<CogLogicalLine> FromPythonPackages(IReadOnlyList<string> packages)
    {
        var result = ImmutableArray.CreateBuilder<CogLogicalLine>(packages.Count);
        for (var i = 0; i < packages.Count; i++)
        {
            var entry = packages[i] ?? string.Empty;
            var offsets = Enumerable.Range(0, entry.Length).ToArray();
            result.Add(new CogLogicalLine(i, i, i, entry, offsets, true, entry, -1));
        }

        return result.ToImmutable();
    }

    private static void Append(string text, int from, int to, StringBuilder chars, List<int> offsets)
    {
        for (var k = from; k < to; k++)
        {
            chars.Append(text[k]);
            offsets.Add(k);
        }
    }

    /// <summary>The physical line starting at <paramref name="start"/>, without its "\n" or "\r\n".</summary>
    private static TextSpan PhysicalLineSpan(string text, int start)
    {
        var end = text.IndexOf('\n', start);
        end = end < 0 ? text.Length : end > start && text[end - 1] == '\r' ? end - 1 : end;
        return TextSpan.FromBounds(start, end);
    }

    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private static int LineOf(List<int> starts, int offset)
    {
        var index = starts.BinarySearch(offset);
        return index >= 0 ? index : ~index - 1;
    }

    /// <summary>Cog's `(?m)^\s*-e\s+\.\s*$`, with Go's ASCII \s.</summary>
    [GeneratedRegex(@"^[\t\n\f\r ]*-e[\t\n\f\r ]+\.[\t\n\f\r ]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex EditableSelf();
}
