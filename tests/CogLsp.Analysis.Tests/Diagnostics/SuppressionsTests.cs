using System.Text.RegularExpressions;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.Diagnostics;

public class SuppressionsTests
{
    [Fact]
    public void A_trailing_comment_covers_its_line_and_a_lone_comment_the_next()
    {
        var text = SourceText.From("a==1  # cog-lsp: ignore[REQ0101, req0102]\n# cog-lsp: ignore[COG0410]\nb>=2\n# cog-lsp: not a suppression\n");
        var suppressions = Suppressions.Parse(text);
        Assert.True(suppressions.IsSuppressed("REQ0101", 0));
        Assert.True(suppressions.IsSuppressed("REQ0102", 0));
        Assert.True(suppressions.IsSuppressed("COG0410", 2));
        Assert.False(suppressions.IsSuppressed("COG0410", 1));
        Assert.Equal(["REQ0101", "req0102", "COG0410"], suppressions.Mentions.Select(m => m.Id));
        Assert.Equal("req0102", text.ToString(suppressions.Mentions[1].Span));
    }

    /// <summary>
    /// Long texts in small chunks, edited at random, so markers straddle chunk edges and chunks keep
    /// search results from earlier versions: the result must be what reading every line gives.
    /// </summary>
    [Fact]
    public void Suppressions_of_an_edited_long_text_are_those_of_every_line()
    {
        var random = new Random(7);
        string[] pieces = ["numpy==1.0\n", "# cog-lsp: ignore[REQ0101]\n", "x>=1  # cog-lsp: ignore[A, B]\n", "cog-lsp:", "# cog-", "lsp: ignore[C]\n", "\r\n", "z\n"];
        var model = string.Concat(Enumerable.Range(0, 300).Select(_ => pieces[random.Next(pieces.Length)]));
        var text = SourceText.Verbatim(model, chunkSize: 16);
        for (var round = 0; round < 200; round++)
        {
            var start = random.Next(model.Length + 1);
            var length = random.Next(Math.Min(20, model.Length - start) + 1);
            var inserted = pieces[random.Next(pieces.Length)];
            model = string.Concat(model.AsSpan(0, start), inserted, model.AsSpan(start + length));
            text = text.WithChange(new TextSpan(start, length), inserted);

            var actual = Suppressions.Parse(text);
            var expected = Expected(SourceText.From(model));
            Assert.Equal(expected.Mentions, actual.Mentions.Select(m => (m.Id, m.Span.Start)).ToList());
            foreach (var (line, id) in expected.Covered)
            {
                Assert.True(actual.IsSuppressed(id, line), $"{id} on line {line}");
            }

            // Nothing else is covered (edits cut IDs, so every ID that occurs is asked about).
            var ids = expected.Covered.Select(c => c.Id).Concat(["REQ0101", "A", "B", "C"]).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            Assert.Equal(expected.Covered.Count, Enumerable.Range(0, text.LineCount + 1).Sum(line => ids.Count(id => actual.IsSuppressed(id, line))));
        }
    }

    /// <summary>The rule, line by line: `# cog-lsp: ignore[IDs]`; alone on its line it covers the next line.</summary>
    private static (List<(string Id, int Start)> Mentions, HashSet<(int Line, string Id)> Covered) Expected(SourceText text)
    {
        var mentions = new List<(string, int)>();
        var covered = new HashSet<(int, string)>();
        for (var line = 0; line < text.LineCount; line++)
        {
            var lineText = text.GetLineText(line);
            var match = Regex.Match(lineText, @"#\s*cog-lsp:\s*ignore\[(?<ids>[^\]]*)\]");
            if (!match.Success)
            {
                continue;
            }

            var target = string.IsNullOrWhiteSpace(lineText[..match.Index]) ? line + 1 : line;
            var group = match.Groups["ids"];
            var offset = group.Index;
            foreach (var raw in group.Value.Split(','))
            {
                var id = raw.Trim();
                if (id.Length > 0)
                {
                    covered.Add((target, id));
                    mentions.Add((id, text.GetLineStart(line) + offset + raw.IndexOf(id, StringComparison.Ordinal)));
                }

                offset += raw.Length + 1;
            }
        }

        return (mentions, covered);
    }
}
