using CogLsp.Syntax.Requirements;
using Xunit.Abstractions;

namespace CogLsp.Syntax.Tests.Requirements;

/// <summary>
/// Our valid/invalid verdict per line against pip's (pip 23.2 here). pip 23.2 still accepts legacy
/// versions that pip 24.1 and later reject; those lines are left out of the comparison and checked on
/// their own (we must reject them). Lines whose verdict depends on the disk (a bare directory path, an
/// editable local path) are left out too.
/// </summary>
public sealed class PipOracleTests(ITestOutputHelper output)
{
    [Fact]
    public void Verdicts_agree_with_pip_on_a_generated_corpus() => CompareWithPip(seed: 20261124, count: 6000);

    /// <summary>A corpus from a seed never used while writing the parser; REQ_ORACLE_LINES makes it larger for a one-off measurement.</summary>
    [Fact]
    public void Verdicts_agree_with_pip_on_a_held_out_corpus() =>
        CompareWithPip(seed: 99, count: int.TryParse(Environment.GetEnvironmentVariable("REQ_ORACLE_LINES"), out var n) ? n : 6000);

    private void CompareWithPip(int seed, int count)
    {
        var lines = RequirementsLineGenerator.Generate(seed, count);
        var verdicts = PythonOracle.Run<List<string>>("pip_line_oracle.py", lines);
        Assert.Equal(lines.Count, verdicts.Count);
        var compared = 0;
        var legacy = 0;
        var skipped = 0;
        var versionDifferences = 0;
        var disagreements = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var tree = RequirementsSyntaxTree.Parse(lines[i]);
            if (DependsOnDisk(tree))
            {
                skipped++;
                continue;
            }

            if (VersionDifference(lines[i]))
            {
                versionDifferences++;
                continue;
            }

            var ours = tree.Lines.All(l => !l.HasErrors);
            if (verdicts[i] == "legacy")
            {
                legacy++;
                continue;
            }

            compared++;
            var pips = verdicts[i] == "ok";
            if (ours != pips)
            {
                var why = tree.Lines.SelectMany(l => l.Errors).FirstOrDefault()?.Message;
                disagreements.Add($"{Show(lines[i])}\n    pip: {verdicts[i]}\n    ours: {(ours ? "ok" : why)}");
            }
        }

        output.WriteLine($"compared {compared} lines, agreed on {compared - disagreements.Count} ({100.0 * (compared - disagreements.Count) / compared:F2}%); left out: legacy {legacy}, disk-dependent {skipped}, packaging 21.3 vs 22+ differences {versionDifferences}");
        Assert.True(disagreements.Count == 0, $"{disagreements.Count} of {compared} lines disagree with pip:\n" + string.Join("\n", disagreements.Distinct().Take(40)));
    }

    [Fact]
    public void Lines_only_legacy_pip_accepts_are_rejected()
    {
        var lines = RequirementsLineGenerator.Generate(seed: 7, count: 3000);
        lines.AddRange(["foo==custom", "foo>=1.0.*", "foo<>1", "foo~=1", "foo==1.0.*+x"]);
        var verdicts = PythonOracle.Run<List<string>>("pip_line_oracle.py", lines);
        var legacy = lines.Where((_, i) => verdicts[i] == "legacy").ToList();
        Assert.Contains("foo==custom", legacy);
        Assert.Contains("foo<>1", legacy);
        var accepted = legacy.Where(l => RequirementsSyntaxTree.Parse(l).Lines.All(x => !x.HasErrors)).ToList();
        Assert.True(accepted.Count == 0, "accepted legacy lines:\n" + string.Join("\n", accepted.Select(Show)));
    }

    /// <summary>
    /// `===` takes everything up to white space, ';' or ')' as one token, commas included; pip splits the
    /// token at its commas and judges every piece. These shapes once slipped through as one arbitrary version.
    /// </summary>
    [Fact]
    public void Arbitrary_equality_with_commas_agrees_with_pip()
    {
        string[] lines =
        [
            "pkg===1.0,=1.0", "a===2.0.1,=v1.0", "a===1,0", "a===foo,bar", "a>=1,===x,=2", "a===x,<>1", "a===x,==", "a===1.0, >=2",
            "a===1.0,==2.0", "a===1.0,>=2", "a===x,,>=2", "a===x,===y", "a===x,==1.*", "a===,>=1", "a===x,~=1.0", "a===x,>=1 ; python_version>'3'",
        ];
        var verdicts = PythonOracle.Run<List<string>>("pip_line_oracle.py", lines);
        Assert.StartsWith("err:", verdicts[0]);
        Assert.Equal("ok", verdicts[8]);
        var disagreements = lines.Select((line, i) => (line, pip: verdicts[i], ours: RequirementsSyntaxTree.Parse(line).Lines.All(l => !l.HasErrors)))
            .Where(x => x.pip != "legacy" && x.ours != (x.pip == "ok"))
            .Select(x => $"{Show(x.line)}: pip {x.pip}, ours {(x.ours ? "ok" : "error")}")
            .ToList();
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
    }

    internal static bool DependsOnDisk(RequirementsSyntaxTree tree) =>
        tree.Lines.Any(l => l.Requirement is { } r
            && ((r.Form == RequirementForm.Path && r.Location is { } p && !PipUrls.HasArchiveExtension(p.Text.TrimEnd('/')))
                || (r.Form == RequirementForm.Editable && !PipUrls.IsUrl(r.Location?.Text ?? string.Empty) && !(r.Location?.Text ?? string.Empty).Contains(':'))));

    /// <summary>
    /// Forms where pip 23.2's packaging 21.3 and today's pip (packaging 22+) differ, beyond legacy
    /// versions: today's pip allows any blanks in `not in`, a trailing comma after the specifiers and empty
    /// parentheses `name ()`.
    /// We follow today's pip.
    /// </summary>
    internal static bool VersionDifference(string line) =>
        System.Text.RegularExpressions.Regex.IsMatch(System.Text.RegularExpressions.Regex.Replace(line, @"\\\r?\n", string.Empty), @"not(\s\s+|\t)in|,\s*($|;|\))|\(\s*\)");

    private static string Show(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
