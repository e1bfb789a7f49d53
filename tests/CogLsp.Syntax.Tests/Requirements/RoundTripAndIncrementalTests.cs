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
        Assert.Equal([3, 4, 6], tree.LinesWith(LineFlags.Location | LineFlags.Options).Select(e => e.Index));
        Assert.DoesNotContain(tree.LinesWith(LineFlags.Errors | LineFlags.IgnoredArguments), e => e.Index >= 6);
    }

    /// <summary>
    /// Long files are kept in blocks of lines; edits that add, remove and join lines anywhere, including
    /// across block edges and in bulk, must give the tree a full parse gives, block by block.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_edits_of_a_long_file_give_the_same_tree_as_a_full_parse(int seed)
    {
        var random = new Random(seed);
        var text = string.Join("\n", RequirementsLineGenerator.Generate(seed, 1500)) + "\n";
        var source = SourceText.Verbatim(text, chunkSize: 64);
        var tree = RequirementsSyntaxTree.Parse(source);
        string[] inserts = ["\n", "x\n", "numpy==1.0\n", "\\\n", "\r", "-r a.txt\n", "torch>=2 \\\n  --hash=sha256:00\n", ""];
        for (var step = 0; step < 150; step++)
        {
            var start = random.Next(0, text.Length + 1);
            var length = random.Next(10) == 0 ? random.Next(0, Math.Min(5000, text.Length - start) + 1) : random.Next(0, Math.Min(8, text.Length - start) + 1);
            var inserted = random.Next(10) == 0
                ? string.Concat(Enumerable.Range(0, random.Next(300)).Select(_ => inserts[random.Next(inserts.Length)]))
                : inserts[random.Next(inserts.Length)];
            var change = new TextChange(new TextSpan(start, length), inserted);
            text = text[..start] + inserted + text[(start + length)..];
            source = source.WithChanges([change]);
            var incremental = tree.WithChange(change, source);
            var full = RequirementsSyntaxTree.Parse(text);
            Assert.Equal(full.Dump(), incremental.Dump());
            AssertSameSummaries(full, incremental);
            foreach (var flags in new[] { LineFlags.Requirement, LineFlags.Options | LineFlags.Errors, LineFlags.NotExactlyPinned })
            {
                Assert.Equal(
                    Enumerable.Range(0, full.Lines.Length).Where(i => (full.GetFlags(i) & flags) != 0).Select(i => (i, full.GetLineStart(i), full.GetNameHash(i))),
                    incremental.LinesWith(flags).Select(e => (e.Index, e.Start, e.NameHash)));
            }

            for (var probe = 0; probe < 20; probe++)
            {
                var offset = random.Next(0, text.Length + 1);
                Assert.Equal(full.GetLineIndex(offset), incremental.GetLineIndex(offset));
            }

            // Name counts are handed from tree to tree; asking some trees, and now and then an older tree
            // again (whose counts moved on), must always agree with counting from scratch.
            if (random.Next(4) != 0)
            {
                Assert.Equal(full.RepeatedNameHashes.Order(), incremental.RepeatedNameHashes.Order());
            }

            if (random.Next(10) == 0)
            {
                Assert.Equal(RequirementsSyntaxTree.Parse(tree.Text).RepeatedNameHashes.Order(), tree.RepeatedNameHashes.Order());
            }

            Assert.Equal(RepeatedNames(full), full.RepeatedNameHashes.Count);

            if (incremental.Lines.Length > 4 * RequirementsSyntaxTree.BlockSize)
            {
                // Blocks keep their size rather than splitting into many small ones.
                Assert.InRange(incremental.BlockCount, 2, (2 * incremental.Lines.Length / RequirementsSyntaxTree.BlockSize) + 2);
            }

            tree = incremental;
        }
    }

    /// <summary>How many package names two or more requirement lines pip accepts share (hash collisions aside, what name counts tell).</summary>
    private static int RepeatedNames(RequirementsSyntaxTree tree) =>
        tree.Lines.Where(l => !l.HasErrors && l.Requirement?.NormalizedName is not null).GroupBy(l => l.Requirement!.NormalizedName!).Count(g => g.Count() > 1);

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

    [Fact]
    public void An_edit_shares_the_blocks_of_lines_it_does_not_touch()
    {
        var text = string.Concat(Enumerable.Range(0, 5000).Select(i => $"package{i}=={i}.0\n"));
        var tree = RequirementsSyntaxTree.Parse(text);
        var at = text.IndexOf("package2500==", StringComparison.Ordinal) + "package2500==".Length;
        var change = new TextChange(new TextSpan(at, 0), "1");
        var updated = tree.WithChange(change, SourceText.From(text).WithChanges([change]));
        Assert.Equal("12500.0", updated.Lines[2500].Requirement!.Specifiers[0].Version.Text);
        Assert.True(tree.BlockCount > 20);
        Assert.InRange(updated.CountSharedBlocks(tree), tree.BlockCount - 2, tree.BlockCount - 1);
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
