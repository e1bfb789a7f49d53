using System.Collections.Immutable;
using System.Globalization;
using CogLsp.Analysis.Projects;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// Predicts what Cog 6110c912 does with cog.yaml and the requirements: the validation of
/// pkg/config/validate.go (the parts that decide resolution), Config.Complete and
/// validateAndCompleteCUDA, the base image choice of pkg/dockerfile, PythonRequirementsForArch
/// with pythonPackageForArch, and the generator's removal of cog/coglet. Pure: no disk, no network.
/// </summary>
public static class CogResolver
{
    /// <summary>The CUDA Cog uses for a GPU build when nothing else decides (defaultCUDA).</summary>
    public const string DefaultCuda = "11.8";

    /// <summary>Cog's registry host for its pre-built base images.</summary>
    public const string CogBaseRegistry = "r8.im";

    /// <summary>
    /// Resolves <paramref name="config"/> with the text of its python_requirements file (null when
    /// the file cannot be read or none is named) for a target platform (Cog builds linux/amd64).
    /// </summary>
    public static CogResolution Resolve(CogBuildConfig config, string? requirementsText, string os = "linux", string arch = "amd64", CompatibilityTable? table = null) =>
        ResolveText(config, requirementsText is null ? null : SourceText.From(requirementsText), os, arch, table);

    /// <inheritdoc cref="Resolve(CogBuildConfig, string?, string, string, CompatibilityTable?)"/>
    public static CogResolution ResolveText(CogBuildConfig config, SourceText? requirementsText, string os = "linux", string arch = "amd64", CompatibilityTable? table = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new CogResolverRun(config, requirementsText, os, arch, table ?? CompatibilityTable.Default).Execute();
    }

    /// <summary>"3.10" → "cp310"; null when the version is not MAJOR.MINOR[.PATCH] integers.</summary>
    public static string? CPythonTag(string? pythonVersion) =>
        CogVersion.TryParse(pythonVersion?.Trim()) is { } v && v.Metadata.Length == 0 ? string.Create(CultureInfo.InvariantCulture, $"cp{v.Major}{v.Minor}") : null;

    /// <summary>Cog's cudaVersionFromIndexURL: "…/whl/cu128/" → "12.8".</summary>
    public static string? CudaFromIndexUrl(string url)
    {
        var index = url.IndexOf("cu", StringComparison.Ordinal);
        while (index >= 0)
        {
            var digits = 0;
            while (index + 2 + digits < url.Length && char.IsAsciiDigit(url[index + 2 + digits]))
            {
                digits++;
            }

            if (digits >= 2)
            {
                var d = url.Substring(index + 2, digits);
                return d[..^1] + "." + d[^1..];
            }

            index = url.IndexOf("cu", index + 1, StringComparison.Ordinal);
        }

        return null;
    }

    /// <summary>Cog's cudaVersionFromTorchPlusVersion: ("11.8", "2.0.1") for "2.0.1+cu118"; ("", version) otherwise.</summary>
    public static (string Cuda, string Version) CudaFromLocalTag(string version)
    {
        var parts = version.Split('+');
        if (parts.Length <= 1 || !parts[^1].StartsWith("cu", StringComparison.Ordinal))
        {
            return (string.Empty, version);
        }

        var clean = parts[^1][2..];
        return clean.Length < 2 ? (string.Empty, version) : (clean[..^1] + "." + clean[^1..], parts[0]);
    }
}
