using CogLsp.Analysis.Indexes;
using CogLsp.Syntax.Pep440;

namespace CogLsp.Analysis.Tests.Indexes;

/// <summary>
/// Index answers written the way a reader thinks of them: one string per file, "name [yanked[=reason]]
/// [requires=SPEC] [ALGORITHM=DIGEST…]", e.g. "demo-1.0-py3-none-any.whl yanked=broken requires=>=3.12 sha256=aa".
/// </summary>
internal static class IndexFixtures
{
    public static readonly ImageTarget Py311 = new(3, 11, "x86_64", 2, 35) { PythonMicro = 7 };

    public static IndexSource Simple(string url = "https://pypi.org/simple/") => new(IndexSourceKind.Simple, url);

    public static IndexSource Links(string url = "https://example.org/links.html") => new(IndexSourceKind.FindLinks, url);

    public static IndexAnswer Found(IndexSource source, params string[] files) =>
        new(new IndexQuery(source, "demo"), IndexAnswerKind.Found, new ProjectPage(source, "demo", [.. files.Select(f => File(source, f))], null), null, DateTimeOffset.UnixEpoch, false, false);

    public static IndexAnswer Found(params string[] files) => Found(Simple(), files);

    public static IndexAnswer NotFound(IndexSource source) => new(new IndexQuery(source, "demo"), IndexAnswerKind.NotFound, null, null, DateTimeOffset.UnixEpoch, false, false);

    public static IndexAnswer Unavailable(IndexSource source) => new(new IndexQuery(source, "demo"), IndexAnswerKind.Unavailable, null, "timed out", DateTimeOffset.UnixEpoch, false, false);

    public static IndexPick Pick(string specifier, params IndexAnswer[] answers) => Pick(specifier, false, Py311, answers);

    public static IndexPick Pick(string specifier, bool pre, ImageTarget target, params IndexAnswer[] answers) => Pick(specifier, PickOptions.Default, pre, target, answers);

    public static IndexPick Pick(string specifier, PickOptions options, params IndexAnswer[] answers) => Pick(specifier, options, false, Py311, answers);

    public static IndexPick Pick(string specifier, PickOptions options, bool pre, ImageTarget target, params IndexAnswer[] answers)
    {
        Assert.True(Pep440SpecifierSet.TryParse(specifier, out var set), specifier);
        return PipPicker.Pick("demo", set, pre, target, answers, options);
    }

    /// <summary>Options as written in a requirements file: "--only-binary :all:", "--no-binary demo", "--prefer-binary", "--hash=sha256:aa".</summary>
    public static PickOptions Options(params string[] options)
    {
        var formats = FormatControl.None;
        var preferBinary = false;
        var hashes = new List<string>();
        foreach (var option in options)
        {
            var (name, value) = option.Split([' ', '='], 2) switch { [var n, var v] => (n, v), [var n] => (n, string.Empty), _ => (option, string.Empty) };
            switch (name)
            {
                case "--no-binary": formats = formats.WithNoBinary(value); break;
                case "--only-binary": formats = formats.WithOnlyBinary(value); break;
                case "--prefer-binary": preferBinary = true; break;
                case "--hash": hashes.Add(value); break;
                default: Assert.Fail($"unknown option {option}"); break;
            }
        }

        return new PickOptions(formats, preferBinary, AllowedHashes.From(hashes));
    }

    /// <summary>"version file" of the pick, e.g. "1.0 demo-1.0.tar.gz"; the outcome name when nothing was picked
    /// (with the version and file pip downloads for a hash mismatch).</summary>
    public static string Describe(IndexPick pick) => pick.Outcome switch
    {
        PickOutcome.Picked => $"{pick.Picked!.Version} {pick.Picked.BestFile!.FileName}",
        PickOutcome.HashMismatch => $"{pick.Outcome} {pick.Picked!.Version} {pick.Picked.BestFile!.FileName}",
        _ => pick.Outcome.ToString(),
    };

    private static IndexFile File(IndexSource source, string spec)
    {
        var parts = spec.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string? reason = null;
        string? requires = null;
        Dictionary<string, string>? hashes = null;
        foreach (var part in parts.Skip(1))
        {
            if (part.Split('=', 2) is [var algorithm and ("sha256" or "sha384" or "sha512" or "md5"), var digest])
            {
                (hashes ??= [])[algorithm] = digest;
            }
            else if (part == "yanked")
            {
                reason = string.Empty;
            }
            else if (part.StartsWith("yanked=", StringComparison.Ordinal))
            {
                reason = part["yanked=".Length..];
            }
            else if (part.StartsWith("requires=", StringComparison.Ordinal))
            {
                requires = part["requires=".Length..];
            }
            else
            {
                Assert.Fail($"unknown file attribute {part}");
            }
        }

        return new IndexFile(parts[0], source.Url + parts[0], requires, reason is not null, reason, null, null) { Hashes = hashes };
    }
}
