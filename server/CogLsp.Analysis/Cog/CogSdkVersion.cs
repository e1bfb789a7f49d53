using System.Text.RegularExpressions;
using CogLsp.Syntax.Pep440;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// What build.sdk_version makes Cog 6110c912 install (pkg/wheels/wheels.go and
/// pkg/dockerfile/standard_generator.go): `cog==VERSION` from PyPI (a SemVer pre-release tail written the
/// PEP 440 way), the latest pre-release for "prerelease", the latest release when absent. Cog refuses an
/// explicit version whose MAJOR.MINOR.PATCH is below 0.16.0 (ValidateSDKVersion, when it writes the
/// Dockerfile), lets pip judge a version it cannot parse, and installs coglet (as the SDK's dependency)
/// only from SDK 0.17.0: older SDKs run their own HTTP server. COG_SDK_WHEEL overrides all of this at
/// build time; the product does not read the environment.
/// </summary>
public static partial class CogSdkVersion
{
    public const string Minimum = "0.16.0";

    public const string CogletMinimum = "0.17.0";

    public const string PreRelease = "prerelease";

    /// <summary>Cog's error for a version below <see cref="Minimum"/>, or null.</summary>
    public static string? BelowMinimumError(string sdkVersion)
    {
        if (string.IsNullOrEmpty(sdkVersion) || sdkVersion == PreRelease || Base(sdkVersion) is not { } version)
        {
            return null;
        }

        var minimum = CogVersion.TryParse(Minimum)!;
        return version.IsGreaterThan(minimum) || version.IsEqualTo(minimum)
            ? null
            : $"cog version {sdkVersion} is below the minimum required version {Minimum}";
    }

    /// <summary>True when the value is neither "prerelease" nor a version pip accepts in `cog==VERSION` (after Cog's SemVer to PEP 440 step).</summary>
    public static bool IsInvalidForPip(string sdkVersion) =>
        sdkVersion.Length > 0 && sdkVersion != PreRelease && Pep440Version.TryParse(ToPep440(sdkVersion)) is null;

    /// <summary>The pip requirement Cog installs the SDK with ("cog==0.17.0a1"; "cog" for the latest).</summary>
    public static string Requirement(string? sdkVersion) =>
        string.IsNullOrEmpty(sdkVersion) || sdkVersion == PreRelease ? "cog" : "cog==" + ToPep440(sdkVersion);

    /// <summary>Cog's isLegacySDKVersion: an explicit version below 0.17.0 (no coglet).</summary>
    public static bool IsLegacy(string? sdkVersion)
    {
        if (string.IsNullOrEmpty(sdkVersion) || sdkVersion == PreRelease || Base(sdkVersion) is not { } version)
        {
            return false;
        }

        var coglet = CogVersion.TryParse(CogletMinimum)!;
        return !(version.IsGreaterThan(coglet) || version.IsEqualTo(coglet));
    }

    /// <summary>In words: what Cog installs for this value (for the hover).</summary>
    public static string Describe(string? sdkVersion)
    {
        if (string.IsNullOrEmpty(sdkVersion))
        {
            return "Cog installs the latest `cog` release from PyPI, with `coglet` as its dependency.";
        }

        if (sdkVersion == PreRelease)
        {
            return "Cog installs the latest pre-release of `cog` from PyPI (`pip install --pre cog`), with `coglet` as its dependency; Cog warns that such builds are not reproducible.";
        }

        if (BelowMinimumError(sdkVersion) is { } error)
        {
            return $"Cog refuses this version (\"{error}\").";
        }

        if (IsInvalidForPip(sdkVersion))
        {
            return $"Cog asks pip for `cog=={ToPep440(sdkVersion)}`, which is not a version pip accepts: the build fails.";
        }

        var pre = IsPreReleaseVersion(sdkVersion) ? " (with `--pre`)" : string.Empty;
        return IsLegacy(sdkVersion)
            ? $"Cog installs `{Requirement(sdkVersion)}` from PyPI{pre}. No `coglet`: SDKs below {CogletMinimum} serve predictions with their own HTTP server."
            : $"Cog installs `{Requirement(sdkVersion)}` from PyPI{pre}, with `coglet` as its dependency (SDK {CogletMinimum} and later).";
    }

    /// <summary>wheels.go BaseVersionRe then version.NewVersion: the MAJOR.MINOR.PATCH prefix when there is one.</summary>
    private static CogVersion? Base(string sdkVersion)
    {
        var match = BaseVersion().Match(sdkVersion);
        return CogVersion.TryParse(match.Success ? match.Value : sdkVersion);
    }

    /// <summary>wheels.go SemverToPEP440: "-alpha1" → "a1", "-beta2" → "b2", "-rc1" → "rc1", "-dev1" → ".dev1".</summary>
    public static string ToPep440(string version) =>
        SemverPreRelease().Replace(version, m =>
        {
            var text = m.Value[1..].Replace("alpha", "a", StringComparison.Ordinal).Replace("beta", "b", StringComparison.Ordinal);
            return text.StartsWith("dev", StringComparison.Ordinal) ? "." + text : text;
        });

    private static bool IsPreReleaseVersion(string version) => SemverPreRelease().IsMatch(version) || Pep440PreRelease().IsMatch(version);

    [GeneratedRegex(@"^(\d+\.\d+\.\d+)")]
    private static partial Regex BaseVersion();

    [GeneratedRegex(@"-alpha(\d+)|-beta(\d+)|-rc(\d+)|-dev(\d*)")]
    private static partial Regex SemverPreRelease();

    [GeneratedRegex(@"\d(a|b|rc|\.dev)\d")]
    private static partial Regex Pep440PreRelease();
}
