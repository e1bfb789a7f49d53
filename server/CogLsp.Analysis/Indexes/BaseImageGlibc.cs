namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The glibc of the base image Cog builds on, which caps the `manylinux_2_N` wheels pip accepts there.
/// GPU builds use an `nvidia/cuda:…-ubuntuYY.MM` image (Cog 6110c912, pkg/config/cuda_compatibility.json);
/// CPU builds use `python:X.Y-slim`, which is Debian 13 "trixie" since August 2025 (Debian 12 "bookworm"
/// before). The glibc of each release is the one it shipped.
/// </summary>
public static class BaseImageGlibc
{
    /// <summary>glibc by Ubuntu release (the `ubuntuYY.MM` suffix of the CUDA image tags).</summary>
    private static readonly Dictionary<string, (int Major, int Minor)> Ubuntu = new(StringComparer.Ordinal)
    {
        ["16.04"] = (2, 23),
        ["18.04"] = (2, 27),
        ["20.04"] = (2, 31),
        ["22.04"] = (2, 35),
        ["24.04"] = (2, 39),
    };

    /// <summary>glibc of Debian 13 (trixie), the Debian of today's `python:X.Y-slim` images.</summary>
    public static readonly (int Major, int Minor) PythonSlim = (2, 41);

    /// <summary>The glibc of <paramref name="baseImage"/> (as Cog names it); the slim Python image's when unknown.</summary>
    public static (int Major, int Minor) For(string? baseImage)
    {
        if (baseImage is not null)
        {
            var at = baseImage.LastIndexOf("ubuntu", StringComparison.Ordinal);
            if (at >= 0 && Ubuntu.TryGetValue(baseImage[(at + "ubuntu".Length)..], out var glibc))
            {
                return glibc;
            }
        }

        return PythonSlim;
    }
}
