using CogLsp.Analysis.Indexes;
using Xunit.Abstractions;

namespace CogLsp.Analysis.Tests.Indexes;

/// <summary>
/// pip is the judge of how options combine: its own parse_requirements reads generated requirements files
/// (with -r/-c includes and `${VAR}`) into a finder that starts at the default index, and the sources it ends
/// with (repeats dropped at their later places, as pip's LinkCollector does) must be <see cref="IndexPlanner"/>'s.
/// </summary>
public sealed class IndexPlannerOracleTests(ITestOutputHelper output)
{
    private const string Default = "https://mirror.example/simple/";

    private static readonly string[] Lines =
    [
        "requests==2.31.0", "# a comment", "--pre", "--no-index",
        "--extra-index-url https://e1.example/simple/", "--extra-index-url=https://e2.example/simple/", "--extra-index-url https://mirror.example/simple/",
        "-i https://i1.example/simple/", "--index-url=https://i2.example/simple/", "--index-url https://user:${TOKEN}@private.example/simple/",
        "-f https://f1.example/links.html", "--find-links=https://f2.example/links.html", "-f https://f1.example/links.html -f https://f3.example/",
        "torch==2.1.0 --extra-index-url https://ignored.example/simple/", "--extra-index-url https://download.pytorch.org/whl/cu118",
        "-r included.txt", "-c constraints.txt",
    ];

    [Fact]
    public void Plans_the_sources_pip_ends_with_on_generated_files()
    {
        var random = new Random(14);
        var cases = new List<PipOracle.PlanCase>();
        for (var i = 0; i < 150; i++)
        {
            cases.Add(new PipOracle.PlanCase(
                $"p{i}",
                Default,
                new Dictionary<string, string>
                {
                    ["requirements.txt"] = File(random, allowIncludes: true),
                    ["included.txt"] = File(random, allowIncludes: false),
                    ["constraints.txt"] = File(random, allowIncludes: false).Replace("requests==2.31.0", "urllib3<3", StringComparison.Ordinal),
                },
                new Dictionary<string, string> { ["TOKEN"] = "s3cret" }));
        }

        var oracle = PipOracle.Run([], [], cases).Plans.ToDictionary(p => p.Id);
        var mismatches = new List<string>();
        foreach (var c in cases)
        {
            var plan = Plan(c);
            var expected = oracle[c.Id];
            var ours = (string.Join(' ', plan.Indexes.Select(s => s.Url)), string.Join(' ', plan.FindLinks.Select(s => s.Url)), plan.Pre);
            var pip = (string.Join(' ', expected.IndexUrls.Distinct()), string.Join(' ', expected.FindLinks.Distinct()), expected.Pre);
            if (ours != pip || !plan.Unreadable.IsEmpty)
            {
                mismatches.Add($"{c.Id}:\n{c.Files["requirements.txt"]}\n pip {pip}\n ours {ours} unreadable {string.Join(' ', plan.Unreadable)}");
            }
        }

        output.WriteLine($"plans: {cases.Count} files, agreement {cases.Count - mismatches.Count}/{cases.Count}");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(10)));
        Assert.Contains(oracle.Values, p => p.IndexUrls.Count == 0);
        Assert.Contains(oracle.Values, p => p.IndexUrls.Count > 0 && !p.IndexUrls.Contains(Default));
        Assert.Contains(oracle.Values, p => p.IndexUrls.Count > 2 && p.FindLinks.Count > 0);
    }

    /// <summary>Our plan of a case's requirements.txt, with its files and variables as pip sees them.</summary>
    private static IndexPlan Plan(PipOracle.PlanCase c) =>
        IndexPlanner.Plan(
            c.Files["requirements.txt"].Split('\n'),
            new IndexSettings(Default),
            name => c.Environment.GetValueOrDefault(name),
            path => c.Files.TryGetValue(path, out var text) ? text.Split('\n') : null);

    private static readonly string[] FormatLines =
    [
        "requests==2.31.0", "--no-binary :all:", "--only-binary=:all:", "--no-binary numpy,Demo_Pkg", "--only-binary :none:", "--no-binary=:none:",
        "--only-binary demo.pkg", "torch==2.1.0 --no-binary torch", "numpy>=1 --only-binary=:all:", "--prefer-binary", "requests --prefer-binary",
        "--only-binary :all:,:none:,numpy", "--no-binary numpy,:all:", "--no-binary :all: --only-binary numpy", "--only-binary numpy --no-binary numpy",
        "--no-binary ${PKG}", "-r included.txt --only-binary torch", "-r included.txt",
    ];

    [Fact]
    public void Combines_no_binary_only_binary_and_prefer_binary_as_pip_does_on_generated_files()
    {
        var random = new Random(1409);
        var cases = new List<PipOracle.PlanCase>();
        for (var i = 0; i < 150; i++)
        {
            cases.Add(new PipOracle.PlanCase(
                $"f{i}",
                Default,
                new Dictionary<string, string>
                {
                    ["requirements.txt"] = File(random, allowIncludes: true, FormatLines),
                    ["included.txt"] = File(random, allowIncludes: false, FormatLines),
                },
                new Dictionary<string, string> { ["PKG"] = "Torch" }));
        }

        var oracle = PipOracle.Run([], [], cases).Plans.ToDictionary(p => p.Id);
        var mismatches = new List<string>();
        foreach (var c in cases)
        {
            var plan = Plan(c);
            var expected = oracle[c.Id];
            var ours = (string.Join(' ', plan.Formats.NoBinary), string.Join(' ', plan.Formats.OnlyBinary), plan.PreferBinary);
            var pip = (string.Join(' ', expected.NoBinary.Order(StringComparer.Ordinal)), string.Join(' ', expected.OnlyBinary.Order(StringComparer.Ordinal)), expected.PreferBinary);
            if (ours != pip)
            {
                mismatches.Add($"{c.Id}:\n{c.Files["requirements.txt"]}--- included.txt:\n{c.Files["included.txt"]}\n pip {pip}\n ours {ours}");
            }
        }

        output.WriteLine($"format options: {cases.Count} files, agreement {cases.Count - mismatches.Count}/{cases.Count}");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(10)));
        Assert.Contains(oracle.Values, p => p.NoBinary.Contains(":all:"));
        Assert.Contains(oracle.Values, p => p.OnlyBinary.Contains(":all:") && p.NoBinary.Count > 0);
        Assert.Contains(oracle.Values, p => p.NoBinary.Count == 0 && p.OnlyBinary.Count == 0);
        Assert.Contains(oracle.Values, p => p.PreferBinary);
    }

    private static string File(Random random, bool allowIncludes, string[]? choices = null)
    {
        choices ??= Lines;
        var count = 1 + random.Next(7);
        var lines = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var line = choices[random.Next(choices.Length)];
            if (!allowIncludes && line.StartsWith("-r ", StringComparison.Ordinal) || !allowIncludes && line.StartsWith("-c ", StringComparison.Ordinal))
            {
                continue;
            }

            lines.Add(line);
        }

        return string.Join('\n', lines) + "\n";
    }
}
