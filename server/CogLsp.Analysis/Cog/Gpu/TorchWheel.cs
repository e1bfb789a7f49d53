using System.Text.RegularExpressions;

namespace CogLsp.Analysis.Cog.Gpu;

/// <summary>
/// The torch wheel a resolved build installs, as Cog's ResolvedTorchWheel reads it (Cog 6110c912,
/// pkg/config/config.go): the first requirement named torch (PEP 503-normalised, extras dropped); its
/// exact `==` version in the line Cog writes (none for a range, a wildcard, a URL or an unpinned line);
/// and the CUDA of the first PyTorch index Cog adds for it (".../cu128" is 12.8), else the CUDA of the
/// build. Null when the first torch line has no exact version or Cog refuses it.
/// </summary>
public sealed partial record TorchWheel(CogLineResolution Line, string Version, string? Cuda)
{
    public static TorchWheel? Of(CogResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var line = resolution.Lines.FirstOrDefault(l => NormalizedName(l.Line.Text) == "torch");
        if (line is null || line.Action == CogLineAction.Refused || line.Output is null || ExactVersion(line.Output) is not { } version)
        {
            return null;
        }

        var cuda = line.ExtraIndexUrls.Select(CogResolver.CudaFromIndexUrl).FirstOrDefault(c => c is not null) ?? resolution.Cuda;
        return new TorchWheel(line, version, cuda);
    }

    /// <summary>requirements.go PackageName then NormalizePackageName.</summary>
    private static string NormalizedName(string requirement)
    {
        var match = NamePattern().Match(requirement);
        if (!match.Success)
        {
            return string.Empty;
        }

        var name = match.Groups[1].Value;
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        name = bracket < 0 ? name : name[..bracket];
        return Separators().Replace(name, "-").ToLowerInvariant();
    }

    /// <summary>requirements.go ExactVersion: one specifier, `==`, no wildcard, no marker, no direct URL.</summary>
    internal static string? ExactVersion(string requirement)
    {
        var semicolon = requirement.IndexOf(';', StringComparison.Ordinal);
        if (semicolon >= 0)
        {
            requirement = requirement[..semicolon];
        }

        if (DirectUrl().IsMatch(requirement))
        {
            return null;
        }

        var matches = Specifier().Matches(requirement);
        if (matches.Count != 1 || matches[0].Groups[1].Value != "==" || matches[0].Groups[2].Value.Contains('*', StringComparison.Ordinal))
        {
            return null;
        }

        return matches[0].Groups[2].Value;
    }

    [GeneratedRegex(@"^([a-zA-Z0-9_\-\.]+(?:\[[^\]]+\])?)")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"[-_.]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@"(===|==|!=|~=|<=|>=|<|>)\s*([^\s,;|]+)")]
    private static partial Regex Specifier();

    [GeneratedRegex(@"@\s*\S+")]
    private static partial Regex DirectUrl();
}
