using System.Collections.Immutable;

namespace CogLsp.Syntax.Requirements;

/// <summary>
/// An option pip accepts inside a requirements file (the set pip 23.2 and later share), with the
/// spellings optparse matches: the long name, aliases, a one-letter form, and any unambiguous prefix of
/// a long name.
/// </summary>
public sealed record RequirementsOption(
    string LongName,
    string? ShortName,
    bool TakesValue,
    OptionScope Scope,
    string Summary,
    string? ValueName = null)
{
    public ImmutableArray<string> Aliases { get; init; } = [];

    /// <summary>For options restricted to a list of values (`--use-feature`).</summary>
    public ImmutableArray<string> Choices { get; init; } = [];

    /// <summary>
    /// True for a global option pip applies even where a requirement line carries it (`--no-binary`,
    /// `--only-binary`: pip's line parser hands their callbacks the finder's own format control), not only on
    /// a line of its own; other global options are dropped there.
    /// </summary>
    public bool CountsOnRequirementLines { get; init; }

    public static RequirementsOption IndexUrl { get; } = new("--index-url", "-i", true, OptionScope.Global,
        "Replaces PyPI as the package index for this install. Only the last `--index-url` of all files counts.", "URL")
    { Aliases = ["--pypi-url"] };

    public static RequirementsOption ExtraIndexUrl { get; } = new("--extra-index-url", null, true, OptionScope.Global,
        "Adds a package index searched besides the main one. pip picks the best version among all indexes, so a package name found on several indexes can come from any of them.", "URL");

    public static RequirementsOption NoIndex { get; } = new("--no-index", null, false, OptionScope.Global,
        "Ignores every package index; packages come only from `--find-links` locations.");

    public static RequirementsOption Constraint { get; } = new("--constraint", "-c", true, OptionScope.Include,
        "Reads a constraints file: its versions limit what is installed, but nothing in it is installed for its own sake. A relative path is relative to this file.", "file");

    public static RequirementsOption Requirement { get; } = new("--requirement", "-r", true, OptionScope.Include,
        "Reads another requirements file as if its lines were written here. A relative path is relative to this file.", "file");

    public static RequirementsOption Editable { get; } = new("--editable", "-e", true, OptionScope.Editable,
        "Installs a local project directory or a VCS URL in editable (development) mode.", "path/url");

    public static RequirementsOption FindLinks { get; } = new("--find-links", "-f", true, OptionScope.Global,
        "Looks for archives in a local directory, or in the links of an HTML page at a URL, besides the indexes.", "url");

    public static RequirementsOption NoBinary { get; } = new("--no-binary", null, true, OptionScope.Global,
        "Builds the named packages from source instead of using wheels. `:all:` means every package, `:none:` clears the list. Written on a requirement line, it still counts for the whole install.", "format_control")
    { CountsOnRequirementLines = true };

    public static RequirementsOption OnlyBinary { get; } = new("--only-binary", null, true, OptionScope.Global,
        "Uses only wheels for the named packages and never builds from source. `:all:` means every package, `:none:` clears the list. Written on a requirement line, it still counts for the whole install.", "format_control")
    { CountsOnRequirementLines = true };

    public static RequirementsOption PreferBinary { get; } = new("--prefer-binary", null, false, OptionScope.Global,
        "Prefers an older version with a wheel over a newer one that would have to be built from source.");

    public static RequirementsOption RequireHashes { get; } = new("--require-hashes", null, false, OptionScope.Global,
        "Turns on hash-checking mode: every requirement must be pinned with `==` and carry at least one `--hash`.");

    public static RequirementsOption Pre { get; } = new("--pre", null, false, OptionScope.Global,
        "Lets pip pick pre-release and development versions, which it otherwise skips.");

    public static RequirementsOption TrustedHost { get; } = new("--trusted-host", null, true, OptionScope.Global,
        "Trusts this host even though it is served over plain HTTP or with a certificate pip cannot check.", "HOSTNAME");

    public static RequirementsOption UseFeature { get; } = new("--use-feature", null, true, OptionScope.Global,
        "Turns on a pip feature that is not yet on by default.", "feature")
    { Choices = ["fast-deps", "truststore", "no-binary-enable-wheel-cache"] };

    public static RequirementsOption GlobalOption { get; } = new("--global-option", null, true, OptionScope.PerRequirement,
        "Passes an option to `setup.py` when this requirement is built from source (deprecated by pip).", "options");

    public static RequirementsOption Hash { get; } = new("--hash", null, true, OptionScope.PerRequirement,
        "The expected hash of a file of this requirement, as `algorithm:hex digest` with sha256, sha384 or sha512. One `--hash` anywhere turns on hash-checking mode for the whole install.", "algo:digest");

    public static RequirementsOption ConfigSettings { get; } = new("--config-settings", "-C", true, OptionScope.PerRequirement,
        "Passes `KEY=VALUE` to the build backend when this requirement is built from source.", "settings");

    public static ImmutableArray<RequirementsOption> All { get; } =
    [
        IndexUrl, ExtraIndexUrl, NoIndex, Constraint, Requirement, Editable, FindLinks, NoBinary, OnlyBinary,
        PreferBinary, RequireHashes, Pre, TrustedHost, UseFeature, GlobalOption, Hash, ConfigSettings,
    ];

    /// <summary>Every long spelling (`--x`), for optparse's prefix matching.</summary>
    public IEnumerable<string> LongSpellings => new[] { LongName }.Concat(Aliases).Where(n => n.StartsWith("--", StringComparison.Ordinal));

    /// <summary>Every one-letter spelling (`-x`).</summary>
    public IEnumerable<string> ShortSpellings => ShortName is null ? [] : [ShortName];

    /// <summary>Every spelling, long and short.</summary>
    public IEnumerable<string> AllSpellings => LongSpellings.Concat(ShortSpellings);
}
