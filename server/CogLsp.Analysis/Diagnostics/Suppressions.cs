using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Diagnostics;

/// <summary>
/// Suppression comments, the same in both file kinds: `# cog-lsp: ignore[ID, ID…]`. A comment after
/// code applies to its own line; a comment alone on its line applies to the next line.
/// </summary>
public sealed partial class Suppressions
{
    private readonly Dictionary<int, HashSet<string>> _byLine = [];

    private Suppressions()
    {
    }

    /// <summary>Every ID written in a suppression comment, with its span, for checking that it names a rule.</summary>
    public ImmutableArray<(string Id, TextSpan Span)> Mentions { get; private set; } = [];

    public static Suppressions Parse(SourceText text)
    {
        var result = new Suppressions();
        var mentions = ImmutableArray.CreateBuilder<(string, TextSpan)>();

        // Only the lines that mention the marker are read: in a long file without suppressions this is one
        // search, and the text's chunks remember their own search results from edit to edit.
        for (var at = text.IndexOf(Marker, 0); at >= 0;)
        {
            var line = text.GetLineIndex(at);
            ReadLine(text, line, result, mentions);
            var next = text.GetLineEndIncludingBreak(line);
            at = next < text.Length ? text.IndexOf(Marker, next) : -1;
        }

        result.Mentions = mentions.ToImmutable();
        return result;
    }

    private const string Marker = "cog-lsp:";

    private static void ReadLine(SourceText text, int line, Suppressions result, ImmutableArray<(string, TextSpan)>.Builder mentions)
    {
        var lineText = text.GetLineText(line);
        var match = SuppressionPattern().Match(lineText);
        if (!match.Success)
        {
            return;
        }

        var standsAlone = string.IsNullOrWhiteSpace(lineText[..match.Index]);
        var target = standsAlone ? line + 1 : line;
        if (!result._byLine.TryGetValue(target, out var ids))
        {
            result._byLine[target] = ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        }

        var list = match.Groups["ids"];
        var offset = 0;
        foreach (var raw in list.Value.Split(','))
        {
            var id = raw.Trim();
            if (id.Length > 0)
            {
                ids.Add(id);
                var start = text.GetLineStart(line) + list.Index + offset + raw.IndexOf(id, StringComparison.Ordinal);
                mentions.Add((id, new TextSpan(start, id.Length)));
            }

            offset += raw.Length + 1;
        }
    }

    /// <summary>True when the text has no suppression comment.</summary>
    public bool IsEmpty => _byLine.Count == 0;

    public bool IsSuppressed(string id, int line) => _byLine.TryGetValue(line, out var ids) && ids.Contains(id);

    [GeneratedRegex(@"#\s*cog-lsp:\s*ignore\[(?<ids>[^\]]*)\]")]
    private static partial Regex SuppressionPattern();
}
