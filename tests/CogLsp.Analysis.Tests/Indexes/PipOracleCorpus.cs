using static CogLsp.Analysis.Tests.Indexes.PipOracle;

namespace CogLsp.Analysis.Tests.Indexes;

/// <summary>
/// A generated corpus of (file sets × specifiers × image targets × --pre) for the pip oracle. Seeded, so a
/// failure names a case that comes back on the next run. The file sets mix wheels for many tags (other
/// Pythons, abi3, py3-none-any, manylinux aliases and compressed tag sets, glibc above the image's,
/// musllinux, Windows, macOS, aarch64), build tags, sdists in several archive formats, kinds pip skips
/// (.egg, .exe), other projects' files on find-links pages, yanked files, Requires-Python (valid, invalid,
/// empty), pre-, post- and dev-releases, local versions, and one to three sources of both kinds.
/// Left out on purpose: non-PEP 440 versions (pip 23 still ranks them as legacy versions, pip ≥ 24.1 skips
/// them, as CogLsp does).
/// </summary>
internal static class PipOracleCorpus
{
    public const string Project = "demo-pkg";

    private static readonly string[] Versions =
        ["0.9", "1.0", "1.0.post1", "1.1", "1.10", "2.0a1", "2.0b1", "2.0rc1", "2.0", "2.0.0", "2.1.dev0", "3.0+cpu", "1!0.5"];

    private static readonly string[] WheelTags =
    [
        "py3-none-any", "py2.py3-none-any", "py2-none-any", "py311-none-any", "cp311-none-any",
        "cp38-cp38-manylinux_2_17_x86_64.manylinux2014_x86_64", "cp39-cp39-manylinux_2_17_x86_64.manylinux2014_x86_64",
        "cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64", "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64",
        "cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64", "cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64",
        "cp311-cp311-manylinux_2_28_x86_64", "cp312-cp312-manylinux_2_28_aarch64", "cp311-cp311-manylinux2014_aarch64",
        "cp310-cp310-manylinux1_x86_64", "cp310-cp310-manylinux2010_x86_64", "cp39-cp39-manylinux_2_5_x86_64.manylinux1_x86_64",
        "cp37-abi3-manylinux2014_x86_64", "cp39-abi3-manylinux_2_17_x86_64.manylinux_2_17_aarch64", "cp38-abi3-linux_x86_64",
        "cp311-cp311-linux_x86_64", "cp312-cp312-manylinux_2_39_x86_64", "cp311-cp311-manylinux_2_36_x86_64",
        "cp311-cp311-musllinux_1_1_x86_64", "cp311-cp311-win_amd64", "cp312-cp312-macosx_11_0_arm64",
        "cp313-cp313t-manylinux_2_17_x86_64", "cp311-none-manylinux_2_17_x86_64", "py3-none-manylinux_2_31_aarch64",
        "pp310-pypy310_pp73-manylinux_2_17_x86_64",
    ];

    private static readonly string?[] RequiresPython =
        [null, null, null, null, null, ">=3.8", ">=3.10", ">=3.12", "<3.11", ">=3.9,<3.13", "==3.11.*", ">=3.11.4", "!=3.12.*", "foo", "", ">= 3.7"];

    private static readonly string[] Specifiers =
        ["", ">=1.0", "==1.0", "==2.0", "===1.0", "==1.*", "<2", ">=2.0a1", "~=1.1", "!=2.0", "==2.0b1", ">1.0,<3", "==9.9", "<=2.0rc1", "==3.0", "==1.0.post1"];

    private static readonly Target[] Targets =
    [
        new(3, 8, 99, "x86_64", 31), new(3, 9, 0, "x86_64", 36), new(3, 10, 99, "x86_64", 35), new(3, 11, 99, "x86_64", 35),
        new(3, 11, 0, "aarch64", 35), new(3, 11, 4, "x86_64", 28), new(3, 12, 99, "x86_64", 39), new(3, 12, 99, "aarch64", 39),
        new(3, 13, 99, "x86_64", 41), new(3, 13, 0, "x86_64", 17), new(3, 10, 0, "x86_64", 12), new(3, 9, 99, "aarch64", 17),
    ];

    public static IReadOnlyList<Target> TagTargets => Targets;

    public static List<Case> Build(int fileSets, int seed)
    {
        var random = new Random(seed);
        var cases = new List<Case>();
        for (var set = 0; set < fileSets; set++)
        {
            var sources = FileSet(random);
            foreach (var specifier in Specifiers)
            {
                var target = Targets[random.Next(Targets.Length)];
                var pre = random.Next(4) == 0;
                cases.Add(new Case($"c{cases.Count}", Project, specifier, pre, target, sources));
            }
        }

        return cases;
    }

    private static readonly string[] Digests = [new('a', 64), new('b', 64), new('c', 64), new('d', 64)];

    private static readonly string[] FormatValues =
        [":all:", ":none:", Project, "Demo_Pkg", "other-project", ":all:," + Project, ":none:," + Project, Project + ",:all:", ":all:,:none:", "demo.pkg,other-project", ":all:,:none:,other-project"];

    /// <summary>
    /// The same kind of file sets with options that change the pick: `--no-binary`/`--only-binary` values
    /// (zero to three, in order), `--prefer-binary`, a line's `--hash=sha256:…` values, and sha256 digests on
    /// most files (drawn from a few, so matches, non-matches and files without a digest all occur).
    /// </summary>
    public static List<Case> BuildWithOptions(int fileSets, int seed)
    {
        var random = new Random(seed);
        var cases = new List<Case>();
        for (var set = 0; set < fileSets; set++)
        {
            var sources = FileSet(random)
                .Select(s => s with { Files = [.. s.Files.Select(f => random.Next(3) == 0 ? f : f with { Sha256 = Pick(random, Digests[..3]) })] })
                .ToList();
            foreach (var specifier in Specifiers)
            {
                var formatOptions = Enumerable.Range(0, random.Next(4) == 0 ? 0 : 1 + random.Next(3))
                    .Select(_ => new[] { random.Next(2) == 0 ? "no" : "only", Pick(random, FormatValues) })
                    .ToList();
                var hashes = random.Next(2) == 0 ? [] : Digests.OrderBy(_ => random.Next()).Take(1 + random.Next(2)).Select(d => "sha256:" + d).ToList();
                cases.Add(new Case($"o{cases.Count}", Project, specifier, random.Next(4) == 0, Targets[random.Next(Targets.Length)], sources)
                {
                    FormatOptions = formatOptions,
                    PreferBinary = random.Next(3) == 0,
                    Hashes = hashes,
                });
            }
        }

        return cases;
    }

    private static List<Source> FileSet(Random random)
    {
        var sourceCount = 1 + random.Next(3);
        var sources = new List<Source>();

        // A few versions per set keep yanks and pre-releases decisive often.
        var versions = Versions.OrderBy(_ => random.Next()).Take(2 + random.Next(5)).ToArray();
        for (var s = 0; s < sourceCount; s++)
        {
            var files = new List<OracleFile>();
            var kind = random.Next(3) == 0 ? "findlinks" : "simple";
            foreach (var version in versions)
            {
                if (sourceCount > 1 && random.Next(3) == 0)
                {
                    continue;
                }

                var fileCount = 1 + random.Next(4);
                for (var f = 0; f < fileCount; f++)
                {
                    files.Add(new OracleFile(FileName(random, version), Pick(random, RequiresPython), random.Next(8) == 0 ? Pick(random, ["", "broken build", null]) : null));
                }
            }

            if (kind == "findlinks" || random.Next(4) == 0)
            {
                files.Add(new OracleFile("other_project-1.0-py3-none-any.whl", null, null));
                files.Add(new OracleFile("other-project-5.0.tar.gz", null, null));
                files.Add(new OracleFile("demo_pkg_extra-9.0.tar.gz", null, null));
            }

            sources.Add(new Source(kind, files));
        }

        return sources;
    }

    private static string FileName(Random random, string version)
    {
        var wheelName = Pick(random, ["demo_pkg", "Demo_Pkg", "demo.pkg"]);
        switch (random.Next(10))
        {
            case < 6:
                var build = random.Next(5) == 0 ? "-" + Pick(random, ["1", "2", "10", "1a", "2b"]) : string.Empty;
                return $"{wheelName}-{version.Replace("-", "_", StringComparison.Ordinal)}{build}-{Pick(random, WheelTags)}.whl";
            case < 9:
                var sdistName = Pick(random, ["demo-pkg", "demo_pkg", "Demo.Pkg", "DEMO_PKG"]);
                return $"{sdistName}-{version}{Pick(random, [".tar.gz", ".tar.gz", ".zip", ".tar.bz2", ".tgz", ".tar.xz"])}";
            default:
                return Pick(random, [$"demo_pkg-{version}-py3.11.egg", $"demo-pkg-{version}.win-amd64.exe", $"demo-pkg-{version}-py2.7.tar.gz", $"demo-pkg-{version}.rpm", $"demo-pkg-{version}.tar.Z"]);
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
