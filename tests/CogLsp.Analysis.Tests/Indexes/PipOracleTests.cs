using CogLsp.Analysis.Indexes;
using CogLsp.Syntax.Pep440;
using Xunit.Abstractions;

namespace CogLsp.Analysis.Tests.Indexes;

/// <summary>
/// pip is the judge: the supported tags of the image, and on a generated corpus the version and file pip's
/// own finder and resolver pick from PEP 503 pages it reads from disk, against <see cref="PipPicker"/>
/// on the same files as <see cref="ProjectPage"/>s.
/// </summary>
public sealed class PipOracleTests(ITestOutputHelper output)
{
    [Fact]
    public void Image_tags_are_pips_native_tags_in_pips_order()
    {
        var targets = PipOracleCorpus.TagTargets;
        var oracle = PipOracle.Run(targets, []);
        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            var ours = ImageTags.For(new ImageTarget(t.Major, t.Minor, t.Arch, 2, t.GlibcMinor)).Tags;
            Assert.Equal(oracle.Tags[i], ours);
        }
    }

    [Fact]
    public void Picks_the_version_and_file_pip_picks_on_the_generated_corpus()
    {
        var cases = PipOracleCorpus.Build(fileSets: 90, seed: 14);
        var oracle = PipOracle.Run([], cases).Picks.ToDictionary(p => p.Id);
        var mismatches = new List<string>();
        var pipPicked = 0;
        var yankedPicks = 0;
        var sdistPicks = 0;
        var prereleasePicks = 0;
        foreach (var c in cases)
        {
            var expected = oracle[c.Id];
            var pick = PipPicker.Pick(c.Project, Specifier(c.Specifier), c.Pre, Target(c.Target), Answers(c));
            var ours = pick.Outcome == PickOutcome.Picked ? pick.Picked : null;
            var agrees = expected.Version is null
                ? ours is null
                : ours is not null && ours.Version == Pep440Version.Parse(expected.Version) && ours.BestFile?.FileName == expected.FileName;
            if (!agrees)
            {
                mismatches.Add($"{c.Id} `{c.Project}{c.Specifier}` pre={c.Pre} {c.Target}: pip {expected.Version ?? "none"} {expected.FileName}, CogLsp {pick.Outcome} {ours?.Version} {ours?.BestFile?.FileName}");
            }

            if (expected.Version is not null)
            {
                pipPicked++;
                yankedPicks += ours is { Yanked: true } ? 1 : 0;
                sdistPicks += ours is { BuildsFromSource: true } ? 1 : 0;
                prereleasePicks += ours is { IsPrerelease: true } ? 1 : 0;
            }
        }

        output.WriteLine($"corpus: {cases.Count} cases, pip picked a file in {pipPicked} (yanked {yankedPicks}, sdist {sdistPicks}, pre-release {prereleasePicks}); agreement {cases.Count - mismatches.Count}/{cases.Count}");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {cases.Count} cases differ from pip:\n" + string.Join('\n', mismatches.Take(25)));

        // The corpus must exercise both answers and each of pip's special rules, or agreement proves little.
        Assert.InRange(pipPicked, cases.Count / 4, cases.Count - (cases.Count / 10));
        Assert.True(yankedPicks > 0 && sdistPicks > 0 && prereleasePicks > 0, $"corpus too narrow: yanked {yankedPicks}, sdist {sdistPicks}, pre {prereleasePicks}");
    }

    [Fact]
    public void Picks_the_version_and_file_pip_picks_under_format_control_prefer_binary_and_hashes()
    {
        var cases = PipOracleCorpus.BuildWithOptions(fileSets: 60, seed: 1409);
        var oracle = PipOracle.Run([], cases).Picks.ToDictionary(p => p.Id);
        var mismatches = new List<string>();
        var pipPicked = 0;
        var hashMismatches = 0;
        var formatDecided = 0;
        var preferBinaryDecided = 0;
        var hashDecided = 0;
        foreach (var c in cases)
        {
            var expected = oracle[c.Id];
            var options = Options(c);
            var pick = PipPicker.Pick(c.Project, Specifier(c.Specifier), c.Pre, Target(c.Target), Answers(c), options);
            var ours = pick.Outcome is PickOutcome.Picked or PickOutcome.HashMismatch ? pick.Picked : null;
            var agrees = expected.Version is null
                ? ours is null
                : ours is not null && ours.Version == Pep440Version.Parse(expected.Version) && ours.BestFile?.FileName == expected.FileName;
            if (!agrees)
            {
                mismatches.Add($"{c.Id} `{c.Project}{c.Specifier}` pre={c.Pre} {options} {c.Target}: pip {expected.Version ?? "none"} {expected.FileName}, CogLsp {pick.Outcome} {ours?.Version} {ours?.BestFile?.FileName}; our verdicts: " + string.Join(", ", pick.Files.Select(f => $"{f.File.FileName} {f.Verdict}")));
            }

            pipPicked += expected.Version is null ? 0 : 1;
            hashMismatches += pick.Outcome == PickOutcome.HashMismatch ? 1 : 0;
            formatDecided += pick.Files.Any(f => f.Verdict == FileVerdict.FormatNotAllowed) ? 1 : 0;
            if (c.Hashes is { Count: > 0 } && ours is not null)
            {
                var without = PipPicker.Pick(c.Project, Specifier(c.Specifier), c.Pre, Target(c.Target), Answers(c), options with { Hashes = AllowedHashes.None });
                hashDecided += without.Picked?.BestFile?.FileName != ours.BestFile?.FileName ? 1 : 0;
            }

            if (c.PreferBinary && ours is not null)
            {
                var without = PipPicker.Pick(c.Project, Specifier(c.Specifier), c.Pre, Target(c.Target), Answers(c), options with { PreferBinary = false });
                preferBinaryDecided += without.Picked?.BestFile?.FileName != ours.BestFile?.FileName ? 1 : 0;
            }
        }

        output.WriteLine($"options corpus: {cases.Count} cases, pip picked a file in {pipPicked}, a format option ruled out a file in {formatDecided}, --prefer-binary changed the file in {preferBinaryDecided}, an allowed hash changed the file in {hashDecided}, hash mismatch in {hashMismatches}; agreement {cases.Count - mismatches.Count}/{cases.Count}");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {cases.Count} cases differ from pip:\n" + string.Join('\n', mismatches.Take(25)));
        Assert.InRange(pipPicked, cases.Count / 4, cases.Count - (cases.Count / 10));
        Assert.True(hashMismatches > 0 && hashDecided > 0 && preferBinaryDecided > 0 && formatDecided > cases.Count / 10, $"corpus too narrow: hash mismatches {hashMismatches}, hash-decided {hashDecided}, prefer-binary decisive {preferBinaryDecided}, format-ruled {formatDecided}");
    }

    private static PickOptions Options(PipOracle.Case c)
    {
        var formats = FormatControl.None;
        foreach (var option in c.FormatOptions ?? [])
        {
            formats = option[0] == "no" ? formats.WithNoBinary(option[1]) : formats.WithOnlyBinary(option[1]);
        }

        return new PickOptions(formats, c.PreferBinary, AllowedHashes.From(c.Hashes ?? []));
    }

    internal static Pep440SpecifierSet Specifier(string text)
    {
        Assert.True(Pep440SpecifierSet.TryParse(text, out var set), text);
        return set;
    }

    private static ImageTarget Target(PipOracle.Target t) => new(t.Major, t.Minor, t.Arch, 2, t.GlibcMinor) { PythonMicro = t.Micro };

    private static List<IndexAnswer> Answers(PipOracle.Case c)
    {
        var answers = new List<IndexAnswer>();
        for (var i = 0; i < c.Sources.Count; i++)
        {
            var s = c.Sources[i];
            var source = new IndexSource(s.Kind == "simple" ? IndexSourceKind.Simple : IndexSourceKind.FindLinks, $"http://127.0.0.1/{c.Id}/s{i}/");
            var files = s.Files.Select(f => new IndexFile(f.FileName, $"http://127.0.0.1/files/s{i}/{f.FileName}", f.RequiresPython is "" ? null : f.RequiresPython, f.YankedReason is not null, f.YankedReason, null, null)
            {
                Hashes = f.Sha256 is null ? null : new Dictionary<string, string> { ["sha256"] = f.Sha256 },
            }).ToList();
            answers.Add(new IndexAnswer(new IndexQuery(source, c.Project), IndexAnswerKind.Found, new ProjectPage(source, c.Project, files, null), null, DateTimeOffset.UnixEpoch, false, false));
        }

        return answers;
    }
}
