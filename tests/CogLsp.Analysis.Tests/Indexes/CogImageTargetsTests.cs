using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Indexes;
using CogLsp.Analysis.Projects;

namespace CogLsp.Analysis.Tests.Indexes;

/// <summary>The image Cog builds, as pip in it sees the platform.</summary>
public sealed class CogImageTargetsTests
{
    [Theory]
    [InlineData("3.11", "python:3.11-slim", "amd64", "3.11 x86_64 glibc 2.41")]
    [InlineData("3.8", "python:3.8-slim", "amd64", "3.8 x86_64 glibc 2.36")]
    [InlineData("3.12", "nvidia/cuda:12.4.1-cudnn-devel-ubuntu22.04", "amd64", "3.12 x86_64 glibc 2.35")]
    [InlineData("3.10.4", "nvidia/cuda:11.8.0-cudnn8-devel-ubuntu20.04", "arm64", "3.10 aarch64 glibc 2.31")]
    [InlineData("3.13", "nvidia/cuda:12.8.1-cudnn-devel-ubuntu24.04", "amd64", "3.13 x86_64 glibc 2.39")]
    [InlineData(null, null, "amd64", "3.13 x86_64 glibc 2.41")]
    public void Python_architecture_and_glibc_of_the_base_image(string? python, string? baseImage, string arch, string expected)
    {
        var t = CogImageTargets.For(python, baseImage, arch)!;
        Assert.Equal(expected, $"{t.PythonVersion} {t.Architecture} glibc {t.GlibcMajor}.{t.GlibcMinor}");
        Assert.Equal(ImageTarget.LatePatch, t.PythonMicro);
    }

    [Fact]
    public void A_python_version_that_is_not_a_version_has_no_target() =>
        Assert.Null(CogImageTargets.For("three", null));

    [Fact]
    public void A_gpu_build_takes_the_ubuntu_of_the_cuda_image_cog_picks()
    {
        var config = new CogBuildConfig { CogYamlPath = "/p/cog.yaml", Gpu = true, PythonVersion = "3.11", PythonRequirements = "requirements.txt" };
        var resolution = CogResolver.Resolve(config, "torch==2.3.1");
        var target = CogImageTargets.For(resolution)!;
        Assert.Contains("ubuntu22.04", resolution.BaseImage, StringComparison.Ordinal);
        Assert.Equal((3, 11, 2, 35), (target.PythonMajor, target.PythonMinor, target.GlibcMajor, target.GlibcMinor));
    }
}
