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
        if (text.IndexOf("cog-lsp:") < 0)
        {
            return result;
        }

        for (var line = 0; line < text.LineCount; line++)
        {
            var lineText = text.GetLineText(line);
            var match = SuppressionPattern().Match(lineText);
            if (!match.Success)
            {
                continue;
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

        result.Mentions = mentions.ToImmutable();
        return result;
    }

    public bool IsSuppressed(string id, int line) => _byLine.TryGetValue(line, out var ids) && ids.Contains(id);

    [GeneratedRegex(@"#\s*cog-lsp:\s*ignore\[(?<ids>[^\]]*)\]")]
    private static partial Regex SuppressionPattern();
}
