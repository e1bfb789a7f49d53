using System.Text;
using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Tests.Requirements;

/// <summary>Losslessness for any input, and incremental re-parsing equal to a parse from scratch.</summary>
public sealed class RoundTripAndIncrementalTests
{
    private const string Alphabet = "ab1.-_=<>!~;[]()@#'\" \t\\$,{}:/*+e\r\n\f\v\u0085\u2028\uFEFF-";

    [Fact]
    public void Any_text_round_trips()
    {
        var random = new Random(1);
        for (var n = 0; n < 3000; n++)
        {
            var text = n % 3 == 0 ? RandomBytesAsText(random) : RandomText(random, random.Next(0, 80));
            var tree = RequirementsSyntaxTree.Parse(text);
            Assert.Equal(text, tree.ToFullString());
            foreach (var line in tree.Lines)
            {
                var expected = 0;
                foreach (var token in line.Tokens)
                {
                    Assert.Equal(expected, token.Span.Start);
                    expected = token.Span.End;
                }

                Assert.Equal(line.FullWidth, expected);
            }
        }
    }

    [Fact]
    public void Generated_files_round_trip()
    {
        var text = string.Join("\r\n", RequirementsLineGenerator.Generate(3, 2000));
        Assert.Equal(text, RequirementsSyntaxTree.Parse(text).ToFullString());
    }

    [Fact]
    public void Random_edits_give_the_same_tree_as_a_full_parse()
    {
        var random = new Random(2);
        for (var round = 0; round < 300; round++)
        {
            var text = string.Join(random.Next(2) == 0 ? "\n" : "\r\n", RequirementsLineGenerator.Generate(round, random.Next(0, 12)));
            // Small chunks half of the time, so that lines cross chunk edges and the parser reads across them.
            var source = random.Next(2) == 0 ? SourceText.Verbatim(text) : SourceText.Verbatim(text, chunkSize: 2 + random.Next(30));
            var tree = RequirementsSyntaxTree.Parse(source);
            for (var step = 0; step < 8; step++)
            {
                var start = random.Next(0, text.Length + 1);
                var length = random.Next(0, Math.Min(6, text.Length - start) + 1);
                var inserted = RandomText(random, random.Next(0, 5));
                var change = new TextChange(new TextSpan(start, length), inserted);
                var newText = text[..start] + inserted + text[(start + length)..];
                source = source.WithChanges([change]);
                var incremental = tree.WithChange(change, source);
                var full = RequirementsSyntaxTree.Parse(newText);
                Assert.Equal(full.Dump(), incremental.Dump());
                Assert.Equal(newText, incremental.ToFullString());
                AssertSameSummaries(full, incremental);
                text = newText;
                tree = incremental;
            }
        }
    }

    [Fact]
    public void Line_summaries_say_which_lines_have_what()
    {
        var tree = RequirementsSyntaxTree.Parse("# c\nnumpy==1.0\nrequests>=2\nhttps://x.org/a-1.0.tar.gz\n-r more.txt\nfoo==${V}\nbar==1 --pre\n");
        Assert.Equal(LineFlags.None, tree.GetFlags(0));
        Assert.Equal(LineFlags.Requirement, tree.GetFlags(1));
        Assert.Equal(LineFlags.Requirement | LineFlags.NotExactlyPinned, tree.GetFlags(2));
        Assert.Equal(LineFlags.Requirement | LineFlags.Location, tree.GetFlags(3));
        Assert.Equal(LineFlags.Options, tree.GetFlags(4));
        Assert.True(tree.GetFlags(5).HasFlag(LineFlags.EnvironmentVariables));
        Assert.True(tree.GetFlags(6).HasFlag(LineFlags.Options));
        Assert.Equal(tree.GetNameHash(1), RequirementsSyntaxTree.Parse("NumPy == 2.0\n").GetNameHash(0));
        Assert.Equal(0, tree.GetNameHash(0));
        Assert.Equal(3, tree.NextLineWith(LineFlags.Location | LineFlags.Options, 0));
        Assert.Equal(4, tree.NextLineWith(LineFlags.Location | LineFlags.Options, 4));
        Assert.Equal(-1, tree.NextLineWith(LineFlags.Errors | LineFlags.IgnoredArguments, 6));
    }

    private static void AssertSameSummaries(RequirementsSyntaxTree expected, RequirementsSyntaxTree actual)
    {
        Assert.Equal(expected.Lines.Length, actual.Lines.Length);
        for (var i = 0; i < expected.Lines.Length; i++)
        {
            Assert.Equal((expected.GetLineStart(i), expected.GetFlags(i), expected.GetNameHash(i)), (actual.GetLineStart(i), actual.GetFlags(i), actual.GetNameHash(i)));
        }
    }

    [Fact]
    public void An_edit_reuses_the_lines_it_does_not_touch()
    {
        var lines = Enumerable.Range(0, 100).Select(i => $"package{i}=={i}.0").ToList();
        var text = string.Join("\n", lines) + "\n";
        var tree = RequirementsSyntaxTree.Parse(text);
        var at = text.IndexOf("package50==50.0", StringComparison.Ordinal) + "package50==".Length;
        var change = new TextChange(new TextSpan(at, 2), "51");
        var updated = tree.WithChange(change, SourceText.From(text).WithChanges([change]));
        Assert.Equal("51.0", updated.Lines[50].Requirement!.Specifiers[0].Version.Text);
        Assert.True(updated.CountSharedLines(tree) >= 98, $"only {updated.CountSharedLines(tree)} lines reused");
    }

    private static string RandomText(Random random, int length)
    {
        var b = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            b.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return b.ToString();
    }

    private static string RandomBytesAsText(Random random)
    {
        var bytes = new byte[random.Next(0, 60)];
        random.NextBytes(bytes);
        return Encoding.UTF8.GetString(bytes);
    }
}
