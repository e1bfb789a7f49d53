using System.Collections.Immutable;
using CogLsp.Analysis.Cog;

namespace CogLsp.Analysis.Tests.Cog;

/// <summary>
/// What Cog 6110c912 writes and picks, case by case. Expected values come from reading Cog's code
/// and its tests (config_test.go, compatibility_test.go, requirements_test.go); the Cog test a case
/// mirrors is named where there is one.
/// </summary>
public sealed class CogResolverTests
{
    private const string Cu117 = "--extra-index-url https://download.pytorch.org/whl/cu117/";
    private const string Cu118 = "--extra-index-url https://download.pytorch.org/whl/cu118/";
    private const string Cpu = "--extra-index-url https://download.pytorch.org/whl/cpu/";

    private static CogBuildConfig Config(bool gpu = false, string? python = "3.10", string? cuda = null, string? cudnn = null, string[]? packages = null, string? requirements = "requirements.txt") => new()
    {
        CogYamlPath = "/p/cog.yaml",
        Gpu = gpu,
        PythonVersion = python,
        Cuda = cuda,
        Cudnn = cudnn,
        PythonPackages = packages is null ? default : packages.ToImmutableArray(),
        PythonRequirements = packages is null ? requirements : null,
    };

    private static CogResolution Check(CogBuildConfig config, string? requirements, string[]? expectedLines = null, string? cuda = null, string? cudnn = null, string? error = null, string os = "linux", string arch = "amd64")
    {
        var result = CogResolver.Resolve(config, requirements, os, arch);
        Assert.Equal(error, result.Error);
        if (expectedLines is not null)
        {
            Assert.Equal(expectedLines, result.RequirementLines.ToArray());
        }

        if (error is null)
        {
            Assert.Equal(cuda, result.Cuda);
            Assert.Equal(cudnn, result.Cudnn);
        }

        return result;
    }

    [Fact] // TestPythonRequirementsResolvesPythonPackagesAndCudaVersions
    public void TorchPinChoosesCudaAndAddsIndex() =>
        Check(Config(gpu: true), "torch==1.13.1\ntorchvision==0.14.1\ntorchaudio==0.13.1\nfoo==1.0.0",
            [Cu117, "torch==1.13.1", "torchvision==0.14.1", "torchaudio==0.13.1", "foo==1.0.0"], "11.7", "8");

    [Fact] // ...WithExtraIndexURL
    public void Torch1121ChoosesCuda116() =>
        Check(Config(gpu: true), "torch==1.12.1\ntorchvision==0.13.1\ntorchaudio==0.12.1\nfoo==1.0.0",
            ["--extra-index-url https://download.pytorch.org/whl/cu116/", "torch==1.12.1", "torchvision==0.13.1", "torchaudio==0.12.1", "foo==1.0.0"], "11.6", "8");

    [Fact] // TestPythonRequirementsWorksWithLinesCogCannotParse
    public void LinesCogCannotParsePassThrough() =>
        Check(Config(gpu: true), "foo==1.0.0\n# complex requirements\nfastapi>=0.6,<1\nflask>0.4\n# comments!\n# blank lines!\n\n# arguments\n-f http://example.com",
            ["foo==1.0.0", "fastapi>=0.6,<1", "flask>0.4", "-f http://example.com"], "11.8", "8");

    [Fact] // TestPythonPackagesForArchTorchGPU
    public void PythonPackagesTorchGpu() =>
        Check(Config(gpu: true, cuda: "11.8", packages: ["torch==2.0.1", "torchvision==0.15.2", "torchaudio==2.0.2"]), null,
            [Cu118, "torch==2.0.1", "torchvision==0.15.2", "torchaudio==2.0.2"], "11.8", "8");

    [Fact] // TestPythonPackagesForArchTorchCPU
    public void PythonPackagesTorchCpu() =>
        Check(Config(cuda: "11.8", packages: ["torch==2.0.1", "torchvision==0.15.2", "torchaudio==2.0.2"]), null,
            [Cpu, "torch==2.0.1", "torchvision==0.15.2", "torchaudio==2.0.2"]);

    [Fact] // TestPythonPackagesForArchTensorflowGPU
    public void TensorflowGpuKeepsPackageName()
    {
        var result = Check(Config(gpu: true, cuda: "11.8", packages: ["tensorflow==2.12.0"]), null, ["tensorflow==2.12.0"], "11.8", "8");

        // Cog's check is inverted: it warns when the CUDA it knows for this tensorflow equals build.cuda.
        Assert.Equal(["Cog doesn't know if CUDA 11.8 is compatible with Tensorflow 2.12.0. This might cause CUDA problems.", "Try 11.8 instead?"],
            result.Warnings.Select(w => w.Text).Where(t => !t.StartsWith("Could not find", StringComparison.Ordinal)));
    }

    [Fact] // TestPythonPackagesBothTorchAndTensorflow: CUDA 12.3 with cuDNN 8 has no NVIDIA image
    public void TensorflowDecidesCudnnEvenWithTorch()
    {
        var result = CogResolver.Resolve(Config(gpu: true, cuda: "12.3", packages: ["tensorflow==2.16.1", "torch==2.3.1"]), null);
        Assert.Equal("no matching base image for CUDA 12.3 and CuDNN 8", result.Error);
    }

    [Fact] // TestTorchWithExistingExtraIndexURL
    public void IndexOnTheLineIsKept() =>
        Check(Config(gpu: true, cuda: "11.6.2", packages: ["torch==1.12.1 --extra-index-url=https://download.pytorch.org/whl/cu116"]), null,
            ["--extra-index-url https://download.pytorch.org/whl/cu116", "torch==1.12.1"], "11.6.2", "8");

    [Fact] // TestPythonRequirementsDoesNotParseLocalArtifactAsPackage
    public void LocalArtifactIsNotTorch() =>
        Check(Config(), "torch==custom.whl", ["torch==custom.whl"]);

    [Theory] // TestValidateAndCompleteCUDAForSelectedTorch
    [InlineData("2.0.1", "11.8")]
    [InlineData("1.13.1", "11.7")]
    [InlineData("1.11.0", "11.3")]
    [InlineData("2.7.1", "12.8")]
    [InlineData("2.9.0", "13.0")]
    [InlineData("2.11.0", "13.0")]
    public void CudaFromTorchPin(string torch, string cuda) =>
        Check(Config(gpu: true, packages: ["torch==" + torch]), null, cuda: cuda, cudnn: CogVersion.Greater(cuda, "12.3") ? "9" : "8");

    [Fact] // TestValidateAndCompleteCUDAForAllTF
    public void EveryTensorflowRowSetsItsCudaAndCudnn()
    {
        foreach (var row in CompatibilityTable.Default.TensorFlow)
        {
            var result = CogResolver.Resolve(Config(gpu: true, packages: ["tensorflow==" + row.TensorFlow]), null);
            Assert.Equal(row.Cuda, CogVersion.StripPatch(result.Cuda ?? ""));
            Assert.Equal(row.Cudnn, result.Cudnn);
        }
    }

    [Fact] // TestValidateAndCompleteCUDAForAllTorch
    public void EveryTorchRowResolves()
    {
        foreach (var row in CompatibilityTable.Default.Torch)
        {
            var result = CogResolver.Resolve(Config(gpu: row.Cuda is not null, python: "3.11", packages: ["torch==" + row.TorchVersion]), null);
            Assert.True(result.Error is null || result.Error.StartsWith("no matching base image", StringComparison.Ordinal), result.Error);
            Assert.Equal(row.Cuda is null, result.Cuda is null);
        }
    }

    [Fact]
    public void TableDropsRowsWithoutBaseImage()
    {
        Assert.Contains(CompatibilityTable.Default.TorchAll, r => r.Cuda == "10.2");
        Assert.DoesNotContain(CompatibilityTable.Default.Torch, r => r.Cuda == "10.2");
        Assert.Equal("6110c912377d4ded0f57165d305821a14a9a4418", CompatibilityTable.Default.Commit);
    }

    [Fact] // TestUnsupportedTorch
    public void UnknownTorchNeedsCuda()
    {
        var result = CogResolver.Resolve(Config(gpu: true, packages: ["torch==0.4.1"]), null);
        Assert.StartsWith("cog doesn't know what CUDA version is compatible with torch==0.4.1.", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, result.ErrorLine);
        var withCuda = Check(Config(gpu: true, cuda: "11.8", packages: ["torch==0.4.1"]), null, ["torch==0.4.1"], "11.8", "8");
        Assert.Contains(withCuda.Warnings, w => w.Text == "Cog doesn't know if CUDA 11.8 is compatible with PyTorch 0.4.1. This might cause CUDA problems.");
        Assert.Contains(withCuda.Findings, f => f.Kind == CogFindingKind.UnknownFrameworkVersion);
    }

    [Fact] // TestUnsupportedTensorflow
    public void UnknownTensorflowNeedsCuda()
    {
        var result = CogResolver.Resolve(Config(gpu: true, packages: ["tensorflow==0.4.1"]), null);
        Assert.StartsWith("cog doesn't know what CUDA version is compatible with tensorflow==0.4.1.", result.Error, StringComparison.Ordinal);

        // With cuda set, tfGPUPackage finds no row: the line becomes empty and tensorflow==0.4.1 moves to the end.
        var withCuda = Check(Config(gpu: true, cuda: "11.8", packages: ["tensorflow==0.4.1", "numpy==1.26.0"]), null, ["", "numpy==1.26.0", "tensorflow==0.4.1"], "11.8", "8");
        Assert.Contains(withCuda.Findings, f => f.Kind == CogFindingKind.MovedToEnd && f.Line == 0);
    }

    [Theory]
    [InlineData("11.8", "9", "CUDA 11.8 is incompatible with CuDNN 9: compatible CuDNN versions are: 8, 8, 8")]
    [InlineData("11", null, "invalid build.cuda \"11\": must include both major and minor versions (e.g., '11.8')")]
    [InlineData("10.2", null, "invalid build.cuda \"10.2\": minimum supported CUDA version is 11")]
    [InlineData("11.A", null, "invalid minor version in CUDA version \"11.A\"")]
    [InlineData("11.9", null, "CUDA 11.9 is not supported by Cog")]
    [InlineData("11.9", "8", "the specified CUDA version 11.9 is not compatible with CuDNN 8.\nCompatible CuDNN versions are: ")]
    public void CudaErrors(string cuda, string? cudnn, string error) =>
        Check(Config(gpu: true, cuda: cuda, cudnn: cudnn), "numpy==1.26.0", error: error);

    [Theory]
    [InlineData(null, "invalid build.python_version: python_version is required. Add it to the build section of your cog.yaml, e.g. `python_version: \"3.13\"`")]
    [InlineData("3.9", "invalid build.python_version \"3.9\": minimum supported Python version is 3.10")]
    [InlineData("3", "invalid build.python_version \"3\": must include major and minor version (e.g., '3.11')")]
    [InlineData("3.x", "invalid build.python_version \"3.x\": invalid minor version number")]
    public void PythonVersionErrors(string? python, string error)
    {
        var result = Check(Config(python: python), "numpy", error: error);
        Assert.True(result.ErrorIsValidation);
    }

    [Fact]
    public void MissingRequirementsFile() =>
        Check(Config(), null, error: "invalid build.python_requirements \"requirements.txt\": file does not exist");

    [Fact]
    public void TensorflowNeedsMatchingCudaMajor() =>
        Check(Config(gpu: true, cuda: "12.1", packages: ["tensorflow==2.12.0"]), null, error: "TensorFlow 2.12.0 is incompatible with CUDA 12.1: TensorFlow 2.12.0 requires CUDA 11.8");

    [Fact]
    public void TensorflowCudnnMismatchFails() =>
        Check(Config(gpu: true, cuda: "11.8", cudnn: "8", packages: ["tensorflow==2.18.0"]), null,
            error: "TensorFlow 2.18.0 is incompatible with CUDA 11.8: TensorFlow 2.18.0 requires CUDA 12.5");

    [Fact]
    public void UnpinnedTorchOnGpuFails()
    {
        var result = Check(Config(gpu: true), "numpy\ntorch\n", error: "torch version must be specified when using CUDA");
        Assert.Equal(1, result.ErrorLine);
        Assert.Contains(result.Findings, f => f.Kind == CogFindingKind.CogError && f.Line == 1);
    }

    [Fact]
    public void UnpinnedTorchOnCpuIsFine() =>
        Check(Config(), "torch\ntorchvision==0.15.2", [Cpu, "torch", "torchvision==0.15.2"]).Findings.Single(f => f.Kind == CogFindingKind.CompanionPinMismatch);

    [Fact]
    public void DefaultCudaWithoutFramework()
    {
        var result = Check(Config(gpu: true, python: "3.11"), "numpy==1.26.0", ["numpy==1.26.0"], "11.8", "8");
        Assert.Equal(CudaSource.Default, result.CudaSource);
        Assert.Equal("nvidia/cuda:11.8.0-cudnn8-devel-ubuntu22.04", result.BaseImage);
        Assert.Equal("r8.im/cog-base:cuda11.8-python3.11", result.CogBaseImage);
    }

    [Fact]
    public void BaseImageForTorch27()
    {
        var result = Check(Config(gpu: true, python: "3.12"), "torch==2.7.0", ["--extra-index-url https://download.pytorch.org/whl/cu128/", "torch==2.7.0"], "12.8", "9");
        Assert.Equal("nvidia/cuda:12.8.1-cudnn-devel-ubuntu24.04", result.BaseImage);
        Assert.Equal("r8.im/cog-base:cuda12.8-python3.12-torch2.7.0", result.CogBaseImage);
        Assert.Equal(CudaSource.TorchPin, result.CudaSource);
        var line = result.LineAt(0)!;
        Assert.Equal("2.7.0+cu128", line.InstalledVersion);
        Assert.Equal(CogLineAction.Rewritten, line.Action);
        var info = result.Findings.Single(f => f.Kind == CogFindingKind.FrameworkPinRewritten);
        Assert.Equal("torch==2.7.0 will be installed as torch 2.7.0+cu128 from https://download.pytorch.org/whl/cu128/ (gpu: true, CUDA 12.8 chosen from the torch pin). Cog writes `torch==2.7.0` and adds `--extra-index-url https://download.pytorch.org/whl/cu128/`.", info.Message);
    }

    [Fact]
    public void CpuBaseImage()
    {
        var result = Check(Config(python: "3.11.4"), "torch==2.7.0", [Cpu, "torch==2.7.0"]);
        Assert.Equal("python:3.11.4-slim", result.BaseImage);
        Assert.Equal("r8.im/cog-base:python3.11-torch2.7.0", result.CogBaseImage);
        Assert.Contains(result.Warnings, w => w.Text == "Stripping patch version from Python version 3.11.4 to 3.11");
        Assert.Equal("2.7.0+cpu", result.LineAt(0)!.InstalledVersion);
    }

    [Theory]
    [InlineData("linux", "amd64", "torchvision==0.12.0+cpu")]
    [InlineData("darwin", "arm64", "torchvision==0.12.0")]
    public void TorchvisionCpuSuffixDependsOnPlatform(string os, string arch, string expected) =>
        Check(Config(), "torchvision==0.12.0", [Cpu, expected], os: os, arch: arch);

    [Fact] // TestResolvedTorchWheel: the +cu118 tag yields to cuda: 12.8
    public void QualifiedPinTagReplacedOnGpu()
    {
        var result = Check(Config(gpu: true, python: "3.11", cuda: "12.8"), "torch==2.7.0+cu118", ["--extra-index-url https://download.pytorch.org/whl/cu128/", "torch==2.7.0"], "12.8", "9");
        var kinds = result.Findings.Select(f => f.Kind).ToHashSet();
        Assert.Contains(CogFindingKind.QualifiedPinTagReplaced, kinds);
        Assert.Contains(CogFindingKind.LocalTagContradictsConfig, kinds);
        var replaced = result.Findings.Single(f => f.Kind == CogFindingKind.QualifiedPinTagReplaced);
        Assert.Equal(new CogLsp.Syntax.Text.TextSpan(12, 6), replaced.Span);
    }

    [Fact]
    public void QualifiedPinSameBuildIsInformation()
    {
        var result = Check(Config(gpu: true), "torch==1.11.0+cu113", ["--extra-index-url https://download.pytorch.org/whl/cu113/", "torch==1.11.0"], "11.3", "8");
        Assert.Equal(CogLsp.Analysis.Diagnostics.DiagnosticSeverity.Information, result.Findings.Single(f => f.Kind == CogFindingKind.QualifiedPinKept).Severity);
    }

    [Fact]
    public void CpuQualifiedPinKeptWithoutIndex()
    {
        var result = Check(Config(), "torch==2.0.1+cpu", ["torch==2.0.1+cpu"]);
        Assert.Equal(CogLsp.Analysis.Diagnostics.DiagnosticSeverity.Warning, result.Findings.Single(f => f.Kind == CogFindingKind.QualifiedPinKept).Severity);
        var withIndex = Check(Config(), "--extra-index-url https://download.pytorch.org/whl/cpu\ntorch==2.0.1+cpu", ["--extra-index-url https://download.pytorch.org/whl/cpu", "torch==2.0.1+cpu"]);
        Assert.Equal(CogLsp.Analysis.Diagnostics.DiagnosticSeverity.Information, withIndex.Findings.Single(f => f.Kind == CogFindingKind.QualifiedPinKept).Severity);
    }

    [Fact]
    public void CudaTagWithGpuFalseContradicts() =>
        Assert.Contains(Check(Config(), "torch==2.0.1+cu118", ["torch==2.0.1+cu118"]).Findings, f => f.Kind == CogFindingKind.LocalTagContradictsConfig);

    [Fact]
    public void UnknownCudaTag() =>
        Assert.Contains(Check(Config(gpu: true, cuda: "12.1"), "torch==2.0.1+cu121", cuda: "12.1", cudnn: "8").Findings,
            f => f.Kind == CogFindingKind.LocalTagUnknownBuild && f.Message.Contains("cu117, cpu, cu118", StringComparison.Ordinal));

    [Fact]
    public void NoWheelForPythonVersion() =>
        Assert.Contains(Check(Config(gpu: true, python: "3.12"), "torch==1.11.0", cuda: "11.3", cudnn: "8").Findings,
            f => f.Kind == CogFindingKind.NoWheelForPython && f.Message.Contains("cp312", StringComparison.Ordinal));

    [Fact]
    public void DottedNameLosesPrefix()
    {
        var result = Check(Config(), "zope.interface==5.4.0", ["interface==5.4.0"]);
        var finding = result.Findings.Single(f => f.Kind == CogFindingKind.DottedNameTruncated);
        Assert.Equal("zope-interface", finding.Fix);
        Assert.Equal(new CogLsp.Syntax.Text.TextSpan(0, 14), finding.Span);
    }

    [Fact]
    public void CaseSensitiveTorchIsNotRewritten()
    {
        var result = Check(Config(gpu: true), "Torch==2.0.1", ["Torch==2.0.1"], "11.8", "8");
        Assert.Equal(CudaSource.Default, result.CudaSource);
        Assert.Equal("torch", result.Findings.Single(f => f.Kind == CogFindingKind.CaseSensitiveName).Fix);
    }

    [Fact]
    public void ExtrasDisableRewrite() =>
        Assert.Contains(Check(Config(gpu: true), "torch[opt]==2.0.1", ["torch[opt]==2.0.1"], "11.8", "8").Findings, f => f.Kind == CogFindingKind.ExtrasDisableRewrite);

    [Fact]
    public void SpacedPinNotRewrittenButDecidesCuda()
    {
        var result = Check(Config(gpu: true), "torch == 1.11.0", ["torch == 1.11.0"], "11.3", "8");
        Assert.Equal("torch==1.11.0", result.Findings.Single(f => f.Kind == CogFindingKind.SpacedPinNotRewritten).Fix);
    }

    [Fact]
    public void RangeNotRewrittenYetDecidesCuda()
    {
        var result = Check(Config(gpu: true), "torch>=2.0,<2.2", ["torch>=2.0,<2.2"], "11.8", "8");
        var finding = result.Findings.Single(f => f.Kind == CogFindingKind.RangeNotRewritten);
        Assert.Equal(new CogLsp.Syntax.Text.TextSpan(7, 3), finding.Span);
    }

    [Fact]
    public void MarkerDroppedWhenRebuilt()
    {
        var result = Check(Config(), "numpy==1.21.0 ; python_version < \"3.11\"\nrequests==2.31.0 --hash=sha256:abc", ["numpy==1.21.0", "requests==2.31.0"]);
        Assert.Equal(2, result.Findings.Count(f => f.Kind == CogFindingKind.PinRebuiltDropsParts));
    }

    [Fact]
    public void SpaceFormIndexIsDroppedAndRewriteHappens()
    {
        var result = Check(Config(gpu: true, cuda: "11.8"), "torch==2.0.1 --extra-index-url https://download.pytorch.org/whl/cu117", [Cu118, "torch==2.0.1"], "11.8", "8");
        Assert.Contains(result.Findings, f => f.Kind == CogFindingKind.IndexOptionChangesRewrite && f.Severity == CogLsp.Analysis.Diagnostics.DiagnosticSeverity.Warning);
    }

    [Fact]
    public void IndexLineCompetesWithCogsIndex()
    {
        var result = Check(Config(gpu: true, cuda: "11.7"), "--extra-index-url https://download.pytorch.org/whl/cu118\ntorch==2.0.1",
            ["--extra-index-url https://download.pytorch.org/whl/cu118", "torch==2.0.1"], "11.7", "8");
        Assert.Contains(result.Findings, f => f.Kind == CogFindingKind.IndexOptionChangesRewrite && f.Line == 0);
    }

    [Fact]
    public void HashCutsUrlFragment()
    {
        var result = Check(Config(), "git+https://github.com/org/repo.git#egg=repo", ["git+https://github.com/org/repo.git"]);
        Assert.Equal("repo @ git+https://github.com/org/repo.git", result.Findings.Single(f => f.Kind == CogFindingKind.HashCutsLine).Fix);
    }

    [Fact]
    public void CommentContinuationSwallowsNextLine()
    {
        var result = Check(Config(), "# pinned for CUDA \\\ntorch==2.0.1\nnumpy==1.26.0", ["numpy==1.26.0"]);
        Assert.Equal(1, result.Findings.Single(f => f.Kind == CogFindingKind.CommentContinuationSwallowsLine).Line);
    }

    [Fact]
    public void LocalIncludesAreRefused()
    {
        var result = Check(Config(), "numpy\n-r other.txt\n", error: "local requirements option \"-r\" is not supported: -r other.txt");
        Assert.Equal(1, result.ErrorLine);
        Assert.Contains(result.Findings, f => f.Kind == CogFindingKind.LocalRequirementRefused && f.Line == 1);

        // python_packages entries are not checked for local artifacts.
        Check(Config(packages: ["-r other.txt"]), null, ["-r other.txt"]);
    }

    [Theory]
    [InlineData("--find-links ./wheels", "local requirements option \"--find-links\" is not supported: --find-links ./wheels")]
    [InlineData("name @ file:./package.whl", "local file URL requirements are not supported: name @ file:./package.whl")]
    [InlineData("./pkg", "local package requirement \"./pkg\" is not a supported wheel or source archive")]
    [InlineData("./dist/pkg.whl[extra]", "extras are not supported on local package artifact requirements: ./dist/pkg.whl[extra]")]
    public void LocalFormsRefused(string line, string error) => Check(Config(), line, error: error);

    [Fact]
    public void ConstraintFileIsNotShipped()
    {
        var result = Check(Config(), "-c constraints.txt\nnumpy", ["-c constraints.txt", "numpy"]);
        Assert.Contains(result.Findings, f => f.Kind == CogFindingKind.ConstraintFileNotShipped && f.Severity == CogLsp.Analysis.Diagnostics.DiagnosticSeverity.Error);
    }

    [Fact]
    public void CogAndCogletAreDropped()
    {
        var result = Check(Config(), "cog==0.9.0\nnumpy\nCoglet", ["numpy"]);
        Assert.Equal("'cog==0.9.0' found in requirements — overriding with latest cog from PyPI. Remove it from requirements and use build.sdk_version in cog.yaml or COG_SDK_WHEEL to control the version.", result.Warnings[^2].Text);
        Assert.Equal(CogLineAction.Dropped, result.LineAt(0)!.Action);
        Assert.Null(result.LineAt(0)!.Output);
    }

    [Fact]
    public void EditableSelf()
    {
        var result = Check(Config(), "-e .\nnumpy\n-e . # self", ["numpy", "-e ."]);
        Assert.Contains(result.Findings, f => f.Kind == CogFindingKind.EditableSelf && f.Line == 0);
        Assert.Contains(result.Findings, f => f.Kind == CogFindingKind.EditableSelf && f.Line == 2 && f.Severity == CogLsp.Analysis.Diagnostics.DiagnosticSeverity.Warning);
    }

    [Fact]
    public void MarkerVersionDecidesCuda() =>
        Check(Config(gpu: true), "torch; python_version >= '3.8'", error: "cog doesn't know what CUDA version is compatible with torch=='3.8'. You might need to upgrade Cog: https://github.com/replicate/cog#upgrade\n\nIf that doesn't work, you need to set the 'cuda' option in cog.yaml to set what version to use. You might be able to find this out from https://pytorch.org/");
}
