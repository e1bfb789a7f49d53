using System.Text;

namespace CogLsp.Analysis.CodeFixes;

/// <summary>
/// A unified diff of two texts, line by line, for `cog-lsp fix --dry-run`. Lines are compared with their
/// line breaks, so a change of line ending shows; the common head and tail are cut first and the rest is
/// matched by a longest common subsequence, which is exact and quick for files of cog.yaml's size (a
/// very large middle is shown as replaced wholesale instead of matched).
/// </summary>
public static class UnifiedDiff
{
    private const long MaxTableCells = 4_000_000;

    /// <summary>The diff, or an empty string when the texts are equal. A null <paramref name="oldText"/> is a new file.</summary>
    public static string Create(string? oldText, string newText, string oldLabel, string newLabel, int context = 3)
    {
        if (oldText == newText)
        {
            return "";
        }

        var a = SplitLines(oldText ?? "");
        var b = SplitLines(newText);
        var ops = Compare(a, b);

        var output = new StringBuilder();
        output.Append("--- ").Append(oldText is null ? "/dev/null" : oldLabel).Append('\n');
        output.Append("+++ ").Append(newLabel).Append('\n');

        // Group the operations into hunks: runs of changes with up to `context` equal lines around them.
        var index = 0;
        while (index < ops.Count)
        {
            if (ops[index].Kind == ' ')
            {
                index++;
                continue;
            }

            var start = Math.Max(0, index - context);
            var end = index;
            var lastChange = index;
            while (end < ops.Count)
            {
                if (ops[end].Kind != ' ')
                {
                    lastChange = end;
                }
                else if (end - lastChange > 2 * context)
                {
                    break;
                }

                end++;
            }

            end = Math.Min(ops.Count, lastChange + context + 1);
            WriteHunk(output, ops, start, end, a, b);
            index = end;
        }

        return output.ToString();
    }

    private static void WriteHunk(StringBuilder output, List<(char Kind, int A, int B)> ops, int start, int end, List<string> a, List<string> b)
    {
        var oldStart = ops[start].A;
        var newStart = ops[start].B;
        var oldCount = ops.Skip(start).Take(end - start).Count(o => o.Kind != '+');
        var newCount = ops.Skip(start).Take(end - start).Count(o => o.Kind != '-');
        output.Append("@@ -").Append(Range(oldStart, oldCount)).Append(" +").Append(Range(newStart, newCount)).Append(" @@\n");
        for (var i = start; i < end; i++)
        {
            var (kind, ai, bi) = ops[i];
            var line = kind == '+' ? b[bi] : a[ai];
            var body = line.TrimEnd('\n').TrimEnd('\r');
            output.Append(kind).Append(body).Append('\n');
            if (!line.EndsWith('\n') && !line.EndsWith('\r'))
            {
                output.Append("\\ No newline at end of file\n");
            }
        }
    }

    // Unified diff ranges are 1-based; an empty range names the line before it.
    private static string Range(int start, int count) => count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";

    /// <summary>The edit script: ' ' keep, '-' delete from a, '+' insert from b; A and B are the positions in each text.</summary>
    private static List<(char Kind, int A, int B)> Compare(List<string> a, List<string> b)
    {
        var head = 0;
        while (head < a.Count && head < b.Count && a[head] == b[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && a[a.Count - 1 - tail] == b[b.Count - 1 - tail])
        {
            tail++;
        }

        var ops = new List<(char, int, int)>();
        for (var i = 0; i < head; i++)
        {
            ops.Add((' ', i, i));
        }

        var n = a.Count - head - tail;
        var m = b.Count - head - tail;
        if ((long)(n + 1) * (m + 1) > MaxTableCells)
        {
            for (var i = 0; i < n; i++)
            {
                ops.Add(('-', head + i, head));
            }

            for (var j = 0; j < m; j++)
            {
                ops.Add(('+', head + n, head + j));
            }
        }
        else
        {
            // lcs[i, j]: length of the longest common subsequence of a[head+i..] and b[head+j..].
            var lcs = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    lcs[i, j] = a[head + i] == b[head + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[head + x] == b[head + y])
                {
                    ops.Add((' ', head + x, head + y));
                    x++;
                    y++;
                }
                else if (y < m && (x == n || lcs[x, y + 1] > lcs[x + 1, y]))
                {
                    ops.Add(('+', head + x, head + y));
                    y++;
                }
                else
                {
                    ops.Add(('-', head + x, head + y));
                    x++;
                }
            }
        }

        for (var i = 0; i < tail; i++)
        {
            ops.Add((' ', a.Count - tail + i, b.Count - tail + i));
        }

        return ops;
    }

    /// <summary>The lines of a text, each with its line break ("\r\n", "\r" or "\n"); the last may have none.</summary>
    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
            }
            else if (text[i] is not ('\r' or '\n'))
            {
                continue;
            }

            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }
}
