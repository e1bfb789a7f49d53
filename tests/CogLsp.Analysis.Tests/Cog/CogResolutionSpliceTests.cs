using System.Text;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Projects;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.Cog;

/// <summary>
/// A resolution spliced from the previous one after an edit must equal a full resolution of the edited
/// text, field by field. Random files mix the lines that matter to the whole resolution (torch,
/// tensorflow, cog, options, local paths, `\` continuations, comments that swallow lines, CRLF, lone
/// CR) with plain pins; random edits type, delete and paste across them.
/// </summary>
public class CogResolutionSpliceTests
{
    private static readonly string[] Shapes =
    [
        "numpy==1.26.{0}", "requests>=2.{0},<3", "pkg-{0}[extra]==1.{0} ; python_version >= \"3.9\"", "# a comment {0}", "", "   ",
        "a.b-{0}==1.0", "pkg{0} == 1.0", "pkg{0}==1.0 # why", "pkg{0}==1.0#egg=x", "-e .", "-e . # keep", "# joined comment \\", "cont-{0}==1.0 \\",
        "    --hash=sha256:{0}abc", "torch==2.1.0", "torchvision==0.16.0", "tensorflow==2.15.0", "cog==0.9.{0}", "--extra-index-url https://x.org/{0}",
        "./dist/pkg-{0}.whl", "-c constraints.txt", "torch==2.0.1+cu118", "Torch==1.13.1", "pkg-{0}==1.0 --extra-index-url=https://y.org",
    ];

    private static readonly string[] Pieces = ["x", "1", "\n", "\r\n", "\r", "\\", "#", " ", "==", "torch", "-e .", "pkg==2.0\n", "\\\n", "cog", "./a.whl\n"];

    [Theory]
    [InlineData(1, true, null)]
    [InlineData(2, false, null)]
    [InlineData(3, true, "12.1")]
    [InlineData(4, true, "10.2")]
    public void Spliced_resolution_equals_a_full_one_after_every_edit(int seed, bool gpu, string? cuda)
    {
        var random = new Random(seed);
        var config = new CogBuildConfig { CogYamlPath = "/p/cog.yaml", Gpu = gpu, Cuda = cuda, PythonVersion = "3.11", PythonRequirements = "requirements.txt" };
        var spliced = 0;
        for (var file = 0; file < 40; file++)
        {
            var text = RandomFile(random);
            var resolution = CogResolver.Resolve(config, text);
            // Small chunks for some files, so that regions and line counts cross chunk edges; edits share the chunks they do not touch.
            var previous = file % 2 == 0 ? SourceText.From(text) : SourceText.Verbatim(text, chunkSize: 2 + random.Next(20));
            for (var edit = 0; edit < 60; edit++)
            {
                var edited = RandomEdit(random, text);
                var prefix = text.AsSpan().CommonPrefixLength(edited);
                var suffix = 0;
                while (suffix < Math.Min(text.Length, edited.Length) - prefix && text[^(suffix + 1)] == edited[^(suffix + 1)])
                {
                    suffix++;
                }

                var source = previous.WithChange(TextSpan.FromBounds(prefix, text.Length - suffix), edited[prefix..(edited.Length - suffix)]);
                Assert.Equal(edited, source.ToString(new TextSpan(0, source.Length)));
                var incremental = CogResolutionSplice.TrySplice(resolution, previous, source, config, "linux", "amd64", CompatibilityTable.Default);
                var full = CogResolver.Resolve(config, edited);
                if (incremental is not null)
                {
                    spliced++;
                    AssertSame(full, incremental, text, edited);
                }

                (text, resolution, previous) = (edited, incremental ?? full, source);
            }
        }

        // Most edits touch plain lines only; the test means something only when splicing really happens.
        Assert.True(spliced > 40 * 60 / 3, $"only {spliced} of {40 * 60} edits were spliced");
    }

    [Fact]
    public void Typing_a_plain_line_in_the_middle_of_a_long_file_is_spliced_and_moves_later_findings()
    {
        var config = new CogBuildConfig { CogYamlPath = "/p/cog.yaml", Gpu = true, PythonVersion = "3.11", PythonRequirements = "requirements.txt" };
        var text = string.Concat(Enumerable.Range(0, 50).Select(i => $"pkg-{i}==1.0\n")) + "torch==2.1.0\n";
        var before = CogResolver.Resolve(config, text);
        var edited = text.Insert(text.IndexOf("pkg-20", StringComparison.Ordinal), "numpy==1.26.0\n");
        var after = CogResolutionSplice.TrySplice(before, SourceText.From(text), SourceText.From(edited), config, "linux", "amd64", CompatibilityTable.Default);

        Assert.NotNull(after);
        var torch = Assert.Single(after.Findings, f => f.Kind == CogFindingKind.FrameworkPinRewritten);
        Assert.Equal(51, torch.Line);
        Assert.Equal(edited.IndexOf("torch", StringComparison.Ordinal), torch.Span.Start);
        Assert.Equal(51, after.CudaSourceLine);
        AssertSame(CogResolver.Resolve(config, edited), after, text, edited);
    }

    [Theory]
    [InlineData("pkg==1.0\n", "torch==2.1.0\n")]
    [InlineData("pkg==1.0\n", "--extra-index-url https://x.org\n")]
    [InlineData("pkg==1.0\n", "./dist/a.whl\n")]
    [InlineData("# note\n", "# note \\\n")]
    public void Edits_that_may_change_the_whole_resolution_are_resolved_in_full(string line, string replacement)
    {
        var config = new CogBuildConfig { CogYamlPath = "/p/cog.yaml", Gpu = true, PythonVersion = "3.11", PythonRequirements = "requirements.txt" };
        var text = "a==1.0\n" + line + "torch==2.1.0\nb==2.0\n";
        var edited = "a==1.0\n" + replacement + "torch==2.1.0\nb==2.0\n";
        Assert.Null(CogResolutionSplice.TrySplice(CogResolver.Resolve(config, text), SourceText.From(text), SourceText.From(edited), config, "linux", "amd64", CompatibilityTable.Default));
    }

    private static void AssertSame(CogResolution expected, CogResolution actual, string before, string after)
    {
        var context = $"edit of\n{Escape(before)}\ninto\n{Escape(after)}";
        Assert.True(expected.Findings.SequenceEqual(actual.Findings), $"findings differ after {context}\nexpected:\n{string.Join('\n', expected.Findings)}\nactual:\n{string.Join('\n', actual.Findings)}");
        Assert.True(expected.Warnings.SequenceEqual(actual.Warnings), $"warnings differ after {context}");
        Assert.True(expected.RequirementLines.SequenceEqual(actual.RequirementLines), $"output differs after {context}");
        Assert.Equal(expected.Lines.Length, actual.Lines.Length);
        Assert.Equal((expected.Error, expected.ErrorKey, expected.ErrorLine, expected.ErrorIsValidation), (actual.Error, actual.ErrorKey, actual.ErrorLine, actual.ErrorIsValidation));
        Assert.Equal((expected.Cuda, expected.Cudnn, expected.CudaSource, expected.CudaSourceLine), (actual.Cuda, actual.Cudnn, actual.CudaSource, actual.CudaSourceLine));
        Assert.Equal((expected.BaseImage, expected.CogBaseImage), (actual.BaseImage, actual.CogBaseImage));
    }

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n\n", StringComparison.Ordinal);

    private static string RandomFile(Random random)
    {
        var builder = new StringBuilder();
        var lines = random.Next(0, 30);
        for (var i = 0; i < lines; i++)
        {
            // Plain pins most of the time, as in real files.
            var shape = random.Next(3) == 0 ? Shapes[random.Next(Shapes.Length)] : Shapes[random.Next(3)];
            builder.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, random.Next(20)));
            builder.Append(random.Next(10) == 0 ? "\r\n" : "\n");
        }

        if (random.Next(4) == 0 && builder.Length > 0)
        {
            builder.Length--;
        }

        return builder.ToString();
    }

    private static string RandomEdit(Random random, string text)
    {
        var start = random.Next(text.Length + 1);
        var length = random.Next(4) == 0 ? random.Next(Math.Min(20, text.Length - start) + 1) : 0;
        var inserted = random.Next(5) == 0 ? string.Empty : Pieces[random.Next(Pieces.Length)];
        if (length == 0 && inserted.Length == 0)
        {
            inserted = "y";
        }

        return string.Concat(text.AsSpan(0, start), inserted, text.AsSpan(start + length));
    }
}
