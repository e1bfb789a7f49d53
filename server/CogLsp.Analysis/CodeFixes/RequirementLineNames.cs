using System.Text.RegularExpressions;

namespace CogLsp.Analysis.CodeFixes;

/// <summary>
/// Just enough of pip's requirements format for merging lines: the logical lines of a file (continuations
/// joined, comments cut the way pip cuts them), the PEP 508 project name a line starts with, and PEP 503
/// normalisation. The full lossless parser lives in the Syntax layer; this small reader keeps the
/// migration independent of it and is deliberately conservative: a line it cannot name is compared by
/// its whole text.
/// </summary>
internal static partial class RequirementLineNames
{
    /// <summary>The project name at the start of a requirement line, or null for options, URLs, paths and anything else.</summary>
    public static string? NameOf(string line)
    {
        var match = NamePattern().Match(line);
        return match.Success ? match.Groups["name"].Value : null;
    }

    /// <summary>PEP 503: lowercase, and every run of '-', '_' and '.' becomes one '-'.</summary>
    public static string Normalize(string name) => SeparatorRun().Replace(name, "-").ToLowerInvariant();

    /// <summary>
    /// A line reduced to what decides what pip installs: no comment, no whitespace, the name normalised.
    /// Two lines with the same key ask for the same thing.
    /// </summary>
    public static string Key(string line)
    {
        var text = StripComment(line).Trim();
        var name = NameOf(text);
        if (name is not null)
        {
            text = Normalize(name) + text.TrimStart()[name.Length..];
        }

        return WhiteSpace().Replace(text, "");
    }

    /// <summary>pip's comment rule: `#` at the start of a line or after whitespace starts a comment.</summary>
    public static string StripComment(string line)
    {
        var match = CommentPattern().Match(line);
        return match.Success ? line[..match.Index] : line;
    }

    /// <summary>The logical lines of a requirements file: `\` continuations joined, comments removed, blank lines skipped.</summary>
    public static IEnumerable<string> LogicalLines(string text)
    {
        var pending = new System.Text.StringBuilder();
        foreach (var raw in LineBreak().Split(text))
        {
            var line = raw;
            if (line.EndsWith('\\'))
            {
                pending.Append(line, 0, line.Length - 1);
                continue;
            }

            pending.Append(line);
            var logical = StripComment(pending.ToString()).Trim();
            pending.Clear();
            if (logical.Length > 0)
            {
                yield return logical;
            }
        }

        var last = StripComment(pending.ToString()).Trim();
        if (last.Length > 0)
        {
            yield return last;
        }
    }

    // A PEP 508 name, followed by what may come after a name in a requirement (extras, a version
    // specifier, a marker, a URL after '@', a comment) or by the end of the line. "git+https://…" and
    // "./pkg" therefore have no name.
    [GeneratedRegex(@"^\s*(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)(?=\s*($|[\[(<>=!~;@#]))")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"[-_.]+")]
    private static partial Regex SeparatorRun();

    [GeneratedRegex(@"(^|\s)#")]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex LineBreak();
}
