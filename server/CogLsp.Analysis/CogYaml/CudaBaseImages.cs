using System.Collections.Immutable;
using System.Globalization;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// The CUDA/cuDNN pairs Cog has an `nvidia/cuda` base image for, at Cog commit 6110c912 (one row per
/// distinct pair of its CUDA base image list). A small local table for the static cuda/cudnn checks;
/// it is meant to be folded into the shared compatibility table. To refresh, list the distinct
/// (CUDA, CuDNN) values of Cog's CUDA base image list at the new commit.
/// </summary>
public static class CudaBaseImages
{
    public static ImmutableArray<(string Cuda, string Cudnn)> Pairs { get; } =
    [
        ("11.0.3", "8"),
        ("11.1.1", "8"),
        ("11.2.2", "8"),
        ("11.3.1", "8"),
        ("11.4.3", "8"),
        ("11.5.2", "8"),
        ("11.6.1", "8"),
        ("11.6.2", "8"),
        ("11.7.1", "8"),
        ("11.8.0", "8"),
        ("12.0.0", "8"),
        ("12.0.1", "8"),
        ("12.1.0", "8"),
        ("12.1.1", "8"),
        ("12.2.2", "8"),
        ("12.3.2", "9"),
        ("12.4.1", "9"),
        ("12.5.1", "9"),
        ("12.6.0", "9"),
        ("12.6.1", "9"),
        ("12.6.2", "9"),
        ("12.6.3", "9"),
        ("12.8.0", "9"),
        ("12.8.1", "9"),
        ("12.9.0", "9"),
        ("12.9.1", "9"),
        ("13.0.0", "9"),
        ("13.0.1", "9"),
        ("13.0.2", "9"),
        ("13.0.3", "9"),
        ("13.1.1", "9"),
        ("13.1.2", "9"),
        ("13.2.0", "9"),
        ("13.2.1", "9"),
    ];

    /// <summary>The distinct MAJOR.MINOR CUDA versions, newest first, for completion.</summary>
    public static ImmutableArray<string> CudaMinorVersions { get; } =
        Pairs.Select(p => string.Join('.', p.Cuda.Split('.').Take(2))).Distinct().Reverse().ToImmutableArray();

    /// <summary>
    /// The cuDNN versions (distinct, in table order) of every image whose CUDA matches <paramref name="cuda"/> the
    /// way Cog matches versions: major and minor equal, patch compared only when both sides have one.
    /// Empty when Cog has no image for that CUDA (or the text is not a version Cog can read).
    /// </summary>
    public static ImmutableArray<string> CompatibleCudnns(string cuda) =>
        Pairs.Where(p => CogVersionMatches(cuda, p.Cuda)).Select(p => p.Cudnn).Distinct().ToImmutableArray();

    public static bool HasImage(string cuda, string cudnn) => CompatibleCudnns(cuda).Contains(cudnn);

    /// <summary>Cog's loose version match (2.7 matches 2.7.1); not PEP 440, not SemVer.</summary>
    public static bool CogVersionMatches(string left, string right)
    {
        if (!TryParse(left, out var a) || !TryParse(right, out var b))
        {
            return false;
        }

        return a.Major == b.Major && a.Minor == b.Minor && (a.Patch is null || b.Patch is null || a.Patch == b.Patch);
    }

    /// <summary>Cog's version reader: up to three dot-separated integers, an optional `+metadata` ignored.</summary>
    private static bool TryParse(string text, out (int Major, int Minor, int? Patch) version)
    {
        version = default;
        var number = text.Split('+', 2)[0];
        var parts = number.Split('.');
        if (parts.Length > 3 || !TryInt(parts[0], out var major))
        {
            return false;
        }

        var minor = 0;
        int? patch = null;
        if (parts.Length >= 2 && !TryInt(parts[1], out minor))
        {
            return false;
        }

        if (parts.Length == 3)
        {
            if (!TryInt(parts[2], out var p))
            {
                return false;
            }

            patch = p;
        }

        version = (major, minor, patch);
        return true;
    }

    /// <summary>Go's strconv.Atoi: optional sign, ASCII digits only.</summary>
    internal static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
