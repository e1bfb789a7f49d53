using System.Text.RegularExpressions;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Projects;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The <see cref="ImageTarget"/> of the image `cog build` makes (Cog 6110c912, pkg/dockerfile):
/// Python from build.python_version (Cog's default when absent), x86_64 unless `--arch arm64`, and the glibc
/// of the image's operating system. Cog builds FROM its pre-built r8.im/cog-base image when the registry has
/// one, else FROM `nvidia/cuda:…-ubuntuXX.04` (GPU) or `python:X.Y-slim` (CPU); the pre-built bases are
/// themselves generated FROM those same images (BaseImageGenerator), so the glibc follows the image
/// <see cref="CogResolution.BaseImage"/> names.
///
/// glibc per base image (the C library of the distribution release, from the distributions' own packages):
/// <code>
/// base image                          distribution         glibc   source
/// nvidia/cuda:…-ubuntu16.04           Ubuntu 16.04 xenial  2.23    Ubuntu libc6 2.23-0ubuntu*
/// nvidia/cuda:…-ubuntu18.04           Ubuntu 18.04 bionic  2.27    Ubuntu libc6 2.27-3ubuntu*
/// nvidia/cuda:…-ubuntu20.04           Ubuntu 20.04 focal   2.31    Ubuntu libc6 2.31-0ubuntu*
/// nvidia/cuda:…-ubuntu22.04           Ubuntu 22.04 jammy   2.35    Ubuntu libc6 2.35-0ubuntu*
/// nvidia/cuda:…-ubuntu24.04           Ubuntu 24.04 noble   2.39    Ubuntu libc6 2.39-0ubuntu*
/// python:3.9-slim … python:3.14-slim  Debian 13 trixie     2.41    Debian libc6 2.41-12 (docker-library/python default since Aug 2025)
/// python:3.8-slim and older           Debian 12 bookworm   2.36    Debian libc6 2.36-9 (last variant built before 3.8's end of life)
/// </code>
/// Which Ubuntu a CUDA image has comes from Cog's table (cuda_compatibility.json; Cog takes the newest
/// Ubuntu for the CUDA). A pre-built base pulled from the registry may be older than today's python:X.Y-slim;
/// that is not knowable offline, so the table above is the answer.
/// </summary>
public static partial class CogImageTargets
{
    /// <summary>The image a project builds: from Cog's resolution, else build.python_version, else Cog's default Python.</summary>
    public static ImageTarget ForProject(CogBuildConfig? config, CogResolution? resolution, string goArch) =>
        (resolution is null ? null : For(resolution, goArch)) ?? For(config?.PythonVersion, null, goArch) ?? For(null, null, goArch)!;

    /// <summary>The target for a resolved Cog build; null when the Python version is not X.Y[.Z].</summary>
    public static ImageTarget? For(CogResolution resolution, string goArch = "amd64") =>
        For(resolution.PythonVersion, resolution.BaseImage, goArch);

    /// <summary>The target for a Python version (null or empty: Cog's default) on a base image (null: python:X.Y-slim).</summary>
    public static ImageTarget? For(string? pythonVersion, string? baseImage, string goArch = "amd64")
    {
        var python = string.IsNullOrWhiteSpace(pythonVersion) ? CogYamlSchema.DefaultPython : pythonVersion.Trim();
        var m = PythonPattern().Match(python);
        if (!m.Success || !int.TryParse(m.Groups[1].ValueSpan, out var major) || !int.TryParse(m.Groups[2].ValueSpan, out var minor))
        {
            return null;
        }

        var (glibcMajor, glibcMinor) = Glibc(baseImage ?? $"python:{major}.{minor}-slim");
        return new ImageTarget(major, minor, Architecture(goArch), glibcMajor, glibcMinor) { PythonMicro = ImageTarget.LatePatch };
    }

    /// <summary>Cog's GOARCH ("amd64", "arm64") as pip names the machine ("x86_64", "aarch64").</summary>
    public static string Architecture(string goArch) => goArch switch
    {
        "arm64" or "aarch64" => "aarch64",
        _ => "x86_64",
    };

    /// <summary>The glibc of a base image, per the table above; an image not in it is read as a python:X.Y-slim.</summary>
    public static (int Major, int Minor) Glibc(string baseImage)
    {
        var ubuntu = UbuntuPattern().Match(baseImage);
        if (ubuntu.Success)
        {
            return ubuntu.Groups[1].Value switch
            {
                "16.04" => (2, 23),
                "18.04" => (2, 27),
                "20.04" => (2, 31),
                "22.04" => (2, 35),
                _ => (2, 39),
            };
        }

        var slim = SlimPattern().Match(baseImage);
        if (slim.Success && int.TryParse(slim.Groups[1].ValueSpan, out var minor) && minor <= 8)
        {
            return (2, 36);
        }

        return (2, 41);
    }

    [GeneratedRegex(@"^(\d+)\.(\d+)(\.\d+)?$")]
    private static partial Regex PythonPattern();

    [GeneratedRegex(@"ubuntu(\d+\.\d+)")]
    private static partial Regex UbuntuPattern();

    [GeneratedRegex(@"python:3\.(\d+)")]
    private static partial Regex SlimPattern();
}
