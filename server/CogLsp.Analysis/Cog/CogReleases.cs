using System.Text.RegularExpressions;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// Which Cog release the product's rules follow, and in which release some rules arrived, so a user of
/// another Cog can tell why the product and their Cog disagree. The rules are never forked per version.
/// Found in Cog's history: `git describe --tags 6110c912` is v0.22.0-5-g6110c912 (no release tag contains
/// the commit yet), and `git tag --contains` of the commit that introduced each rule.
/// </summary>
public static partial class CogReleases
{
    /// <summary>The release the rules follow: Cog 6110c912 is v0.22.0 plus five commits.</summary>
    public const string RulesVersion = "0.22.0";

    public const string RulesCommit = "6110c912";

    /// <summary>The Python 3.10 floor (5903d05f "EOL python below python 3.10", first in v0.17.0).</summary>
    public const string PythonFloor = "0.17.0";

    /// <summary>Cog's error for a GPU build without a torch pin (3dfe1001, first in v0.16.10; before it, Cog crashed there).</summary>
    public const string TorchPinWithGpu = "0.16.10";

    /// <summary>The deprecation warning for build.python_packages (edd03850, first in v0.14.2).</summary>
    public const string PythonPackagesDeprecated = "0.14.2";

    /// <summary>
    /// For a Cog error that arrived in a known release, " (…since Cog X…)" to append to the diagnostic
    /// (never to the error itself, which `resolve` prints as Cog does); else empty.
    /// </summary>
    public static string Since(string cogError) =>
        cogError == "torch version must be specified when using CUDA"
            ? $" (an error since Cog {TorchPinWithGpu}; older Cogs crashed here)"
            : string.Empty;

    /// <summary>"0.22.0 plus commits up to 6110c912", for messages.</summary>
    public static string RulesDescription => $"{RulesVersion} (commit {RulesCommit})";

    /// <summary>
    /// The version in `cog --version` output ("cog version 0.17.2 (built 2026-…)", "cog version v0.9.4"):
    /// the first token after "version" that starts with a digit, without a leading "v". Null for a
    /// development build ("dev") or output we cannot read.
    /// </summary>
    public static string? ParseVersionOutput(string? output)
    {
        if (output is null)
        {
            return null;
        }

        var match = VersionPattern().Match(output);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>
    /// True when an installed Cog of this version may decide differently from the rules: its release
    /// (MAJOR.MINOR.PATCH, pre-release and build tails dropped) is not <see cref="RulesVersion"/>.
    /// </summary>
    public static bool DiffersFromRules(string installed)
    {
        var release = ReleasePattern().Match(installed);
        return !release.Success || release.Value != RulesVersion;
    }

    [GeneratedRegex(@"\bversion\s+v?(\d+\.\d+(?:\.\d+)?[^\s()]*)", RegexOptions.IgnoreCase)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^\d+\.\d+\.\d+")]
    private static partial Regex ReleasePattern();
}
