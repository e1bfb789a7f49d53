using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// Cog's own reading of a requirement line (Cog 6110c912, pkg/requirements): a handful of regular
/// expressions, not pip's parser. Ported with Go's semantics (ASCII \s, leftmost-first alternation),
/// because the differences from pip are exactly what users trip over: a dotted name loses everything
/// before its last dot, a name with extras or spaces around "==" is not "pinned", and the version runs
/// to the next space.
/// </summary>
public static partial class CogRequirementSyntax
{
    /// <summary>What SplitPinnedPythonRequirement found, with the positions of the name and version.</summary>
    public sealed record PinnedRequirement(
        string Name,
        int NameStart,
        string Version,
        int VersionStart,
        ImmutableArray<string> FindLinks,
        ImmutableArray<string> ExtraIndexUrls);

    /// <summary>
    /// Cog's SplitPinnedPythonRequirement: every `name==version`, `--find-links=X`, `-f X` and
    /// `--extra-index-url=X` in the line (the last name/version wins); null when no name==version is
    /// found (Cog then keeps the line verbatim).
    /// </summary>
    private static readonly LineMemo<PinnedRequirement?> Pinned = new(SplitPinnedUncached);

    public static PinnedRequirement? SplitPinned(string requirement) => Pinned.Get(requirement);

    private static PinnedRequirement? SplitPinnedUncached(string requirement)
    {
        string? name = null;
        string? version = null;
        int nameStart = -1, versionStart = -1;
        var findLinks = ImmutableArray.CreateBuilder<string>();
        var extraIndexUrls = ImmutableArray.CreateBuilder<string>();
        foreach (Match match in PinnedPattern().Matches(requirement))
        {
            if (match.Groups[1].Success && match.Groups[1].Length > 0)
            {
                name = match.Groups[1].Value;
                nameStart = match.Groups[1].Index;
            }

            if (match.Groups[2].Success && match.Groups[2].Length > 0)
            {
                version = match.Groups[2].Value;
                versionStart = match.Groups[2].Index;
            }

            if (match.Groups[3].Success)
            {
                findLinks.Add(match.Groups[3].Value);
            }

            if (match.Groups[4].Success)
            {
                findLinks.Add(match.Groups[4].Value);
            }

            if (match.Groups[5].Success)
            {
                extraIndexUrls.Add(match.Groups[5].Value);
            }
        }

        return name is null || version is null
            ? null
            : new PinnedRequirement(name, nameStart, version, versionStart, findLinks.ToImmutable(), extraIndexUrls.ToImmutable());
    }

    /// <summary>Cog's PackageName: the leading run of name characters (dots included) plus one [extras] group, or "".</summary>
    public static string PackageName(string requirement)
    {
        var match = PackageNamePattern().Match(requirement);
        return match.Success ? match.Groups[1].Value : string.Empty;
    }

    /// <summary>Cog's Versions: every version after an operator, then the target of an '@'.</summary>
    public static ImmutableArray<string> Versions(string requirement)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (Match match in VersionPattern().Matches(requirement))
        {
            result.Add(match.Groups[1].Value);
        }

        var url = UrlPattern().Match(requirement);
        if (url.Success)
        {
            result.Add(url.Groups[1].Value);
        }

        return result.ToImmutable();
    }

    /// <summary>The position of the first version Versions finds (for pointing at it), or -1.</summary>
    public static (int Start, int Length) FirstVersionSpan(string requirement)
    {
        var match = VersionPattern().Match(requirement);
        if (match.Success)
        {
            return (match.Groups[1].Index, match.Groups[1].Length);
        }

        var url = UrlPattern().Match(requirement);
        return url.Success ? (url.Groups[1].Index, url.Groups[1].Length) : (-1, 0);
    }

    /// <summary>
    /// Cog's ParseLocalArtifactRequirement: (path, true) for a bare local wheel/sdist, (null, false)
    /// for anything pip handles itself, or Cog's error text for local forms Cog refuses.
    /// </summary>
    private static readonly LineMemo<(string? Path, bool IsArtifact, string? Error)> LocalArtifacts = new(ParseLocalArtifactUncached);

    public static (string? Path, bool IsArtifact, string? Error) ParseLocalArtifact(string line) => LocalArtifacts.Get(line);

    private static (string? Path, bool IsArtifact, string? Error) ParseLocalArtifactUncached(string line)
    {
        line = GoStrings.TrimSpace(line);
        if (line.Length == 0)
        {
            return (null, false, null);
        }

        if (IsFileUrl(line))
        {
            return (null, false, "local file URL requirements are not supported: " + line);
        }

        var at = line.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var name = line[..at];
            var target = line[(at + 1)..];
            var spaced = name != GoStrings.TrimSpace(name) || target != GoStrings.TrimSpace(target);
            name = GoStrings.TrimSpace(name);
            target = GoStrings.TrimSpace(target);
            if (name.Length > 0 && PackageName(name) == name && IsFileUrl(target))
            {
                return (null, false, "local file URL requirements are not supported: " + line);
            }

            if (name.Length > 0 && PackageName(name) == name && (IsLocalPath(target) || (spaced && IsLocalArtifact(target))))
            {
                return (null, false, "local direct reference requirements (`name @ path`) are not supported; list the path directly instead: " + line);
            }
        }

        if (line.StartsWith('-'))
        {
            var option = UnsupportedLocalOption(line);
            return option is null ? (null, false, null) : (null, false, $"local requirements option {GoStrings.Quote(option)} is not supported: {line}");
        }

        if (HasInlineOption(line))
        {
            return (null, false, "local package artifact requirements do not support inline options or hashes: " + line);
        }

        if (IsRemoteRequirement(line))
        {
            return (null, false, null);
        }

        var semicolon = line.IndexOf(';', StringComparison.Ordinal);
        if (semicolon >= 0 && IsLocalArtifact(GoStrings.TrimSpace(line[..semicolon])))
        {
            return (null, false, "environment markers are not supported on local package artifact requirements: " + line);
        }

        var bracket = line.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0 && line.EndsWith(']') && IsLocalArtifact(GoStrings.TrimSpace(line[..bracket])))
        {
            return (null, false, "extras are not supported on local package artifact requirements: " + line);
        }

        if (!IsLocalPath(line) && !HasLocalArtifactSuffix(line))
        {
            return (null, false, null);
        }

        return HasLocalArtifactSuffix(line)
            ? (line, true, null)
            : (null, false, $"local package requirement {GoStrings.Quote(line)} is not a supported wheel or source archive");
    }

    /// <summary>Cog's isLocalPackageArtifactRequirement: a local artifact, or a line Cog refuses (both are left alone).</summary>
    public static bool IsLocalArtifactOrRefused(string line)
    {
        var (_, ok, error) = ParseLocalArtifact(line);
        return ok || error is not null;
    }

    public static bool IsRemoteRequirement(string line) => line.Contains("://", StringComparison.Ordinal) || line.StartsWith("git+", StringComparison.Ordinal);

    private static bool IsFileUrl(string line) => line.StartsWith("file:", StringComparison.OrdinalIgnoreCase);

    private static bool IsLocalPath(string line) => line.StartsWith('/') || line.StartsWith("./", StringComparison.Ordinal) || line.StartsWith("../", StringComparison.Ordinal);

    private static bool IsLocalArtifact(string path) => !IsRemoteRequirement(path) && (IsLocalPath(path) || HasLocalArtifactSuffix(path));

    private static bool HasLocalArtifactSuffix(string path)
    {
        path = path.ToLowerInvariant();
        return path.EndsWith(".whl", StringComparison.Ordinal) || path.EndsWith(".zip", StringComparison.Ordinal)
            || path.EndsWith(".tar.gz", StringComparison.Ordinal) || path.EndsWith(".tgz", StringComparison.Ordinal)
            || path.EndsWith(".tar.bz2", StringComparison.Ordinal) || path.EndsWith(".tar.xz", StringComparison.Ordinal);
    }

    private static string? UnsupportedLocalOption(string line)
    {
        foreach (var option in new[] { "--find-links", "--requirement", "-f", "-r" })
        {
            var value = OptionValue(line, option);
            if (value is { Length: > 0 } && (IsFileUrl(value) || !IsRemoteRequirement(value)))
            {
                return option;
            }
        }

        return null;
    }

    private static string? OptionValue(string line, string option)
    {
        if (!line.StartsWith(option, StringComparison.Ordinal) || line.Length == option.Length)
        {
            return null;
        }

        var rest = line[option.Length..];
        if (option.StartsWith("--", StringComparison.Ordinal))
        {
            switch (rest[0])
            {
                case '=':
                    rest = rest[1..];
                    break;
                case ' ' or '\t':
                    break;
                default:
                    return null;
            }
        }

        return GoStrings.TrimSpace(rest);
    }

    private static bool HasInlineOption(string line)
    {
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] is not (' ' or '\t'))
            {
                continue;
            }

            var rest = line[i..].TrimStart(' ', '\t');
            if (!IsLocalArtifact(GoStrings.TrimSpace(line[..i])))
            {
                continue;
            }

            if (rest.StartsWith("--", StringComparison.Ordinal) || OptionValue(rest, "-f") is not null || OptionValue(rest, "-r") is not null)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?:([a-zA-Z0-9\-_]+)==([^ ]+)|--find-links=([^\t\n\f\r ]+)|-f[\t\n\f\r ]+([^\t\n\f\r ]+)|--extra-index-url=([^\t\n\f\r ]+))", RegexOptions.CultureInvariant)]
    private static partial Regex PinnedPattern();

    [GeneratedRegex(@"^([a-zA-Z0-9_\-\.]+(?:\[[^\]]+\])?)", RegexOptions.CultureInvariant)]
    private static partial Regex PackageNamePattern();

    [GeneratedRegex(@"[<>=!~]=?[\t\n\f\r ]*([^\t\n\f\r ,;|]+)", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"@[\t\n\f\r ]*([^\t\n\f\r ]+)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
