using System.Collections.Immutable;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Projects;

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
    public void Torch_pin_chooses_CUDA_and_adds_the_index() =>
        Check(Config(gpu: true), "torch==1.13.1\ntorchvision==0.14.1\ntorchaudio==0.13.1\nfoo==1.0.0",
            [Cu117, "torch==1.13.1", "torchvision==0.14.1", "torchaudio==0.13.1", "foo==1.0.0"], "11.7", "8");

    [Fact] // ...WithExtraIndexURL
    public void Torch_1_12_1_chooses_CUDA_11_6() =>
        Check(Config(gpu: true), "torch==1.12.1\ntorchvision==0.13.1\ntorchaudio==0.12.1\nfoo==1.0.0",
            ["--extra-index-url https://download.pytorch.org/whl/cu116/", "torch==1.12.1", "torchvision==0.13.1", "torchaudio==0.12.1", "foo==1.0.0"], "11.6", "8");

    [Fact] // TestPythonRequirementsWorksWithLinesCogCannotParse
    public void Lines_Cog_cannot_parse_pass_through() =>
        Check(Config(gpu: true), "foo==1.0.0\n# complex requirements\nfastapi>=0.6,<1\nflask>0.4\n# comments!\n# blank lines!\n\n# arguments\n-f http://example.com",
            ["foo==1.0.0", "fastapi>=0.6,<1", "flask>0.4", "-f http://example.com"], "11.8", "8");

    [Fact] // TestPythonPackagesForArchTorchGPU
    public void Python_packages_torch_on_gpu() =>
        Check(Config(gpu: true, cuda: "11.8", packages: ["torch==2.0.1", "torchvision==0.15.2", "torchaudio==2.0.2"]), null,
            [Cu118, "torch==2.0.1", "torchvision==0.15.2", "torchaudio==2.0.2"], "11.8", "8");

    [Fact] // TestPythonPackagesForArchTorchCPU
    public void Python_packages_torch_on_cpu() =>
        Check(Config(cuda: "11.8", packages: ["torch==2.0.1", "torchvision==0.15.2", "torchaudio==2.0.2"]), null,
            [Cpu, "torch==2.0.1", "torchvision==0.15.2", "torchaudio==2.0.2"]);

    [Fact] // TestPythonPackagesForArchTensorflowGPU
    public void Tensorflow_gpu_keeps_the_package_name()
    {
        var result = Check(Config(gpu: true, cuda: "11.8", packages: ["tensorflow==2.12.0"]), null, ["tensorflow==2.12.0"], "11.8", "8");

        // Cog's check is inverted: it warns when the CUDA it knows for this tensorflow equals build.cuda.
        Assert.Equal(["Cog doesn't know if CUDA 11.8 is compatible with Tensorflow 2.12.0. This might cause CUDA problems.", "Try 11.8 instead?"],
            result.Warnings.Select(w => w.Text).Where(t => !t.StartsWith("Could not find", StringComparison.Ordinal)));
    }

    [Fact] // TestPythonPackagesBothTorchAndTensorflow: CUDA 12.3 with cuDNN 8 has no NVIDIA image
    public void Tensorflow_decides_cudnn_even_with_torch()
    {
        var result = CogResolver.Resolve(Config(gpu: true, cuda: "12.3", packages: ["tensorflow==2.16.1", "torch==2.3.1"]), null);
        Assert.Equal("no matching base image for CUDA 12.3 and CuDNN 8", result.Error);
    }

    [Fact] // TestTorchWithExistingExtraIndexURL
    public void Index_on_the_line_is_kept() =>
        Check(Config(gpu: true, cuda: "11.6.2", packages: ["torch==1.12.1 --extra-index-url=https://download.pytorch.org/whl/cu116"]), null,
            ["--extra-index-url https://download.pytorch.org/whl/cu116", "torch==1.12.1"], "11.6.2", "8");

    [Fact] // TestPythonRequirementsDoesNotParseLocalArtifactAsPackage
    public void Local_artifact_is_not_torch() =>
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
    public void Every_tensorflow_row_sets_its_CUDA_and_cudnn()
    {
        foreach (var row in CompatibilityTable.Default.TensorFlow)
        {
            var result = CogResolver.Resolve(Config(gpu: true, packages: ["tensorflow==" + row.TensorFlow]), null);
            Assert.Equal(row.Cuda, CogVersion.StripPatch(result.Cuda ?? ""));
            Assert.Equal(row.Cudnn, result.Cudnn);
        }
    }

    [Fact] // TestValidateAndCompleteCUDAForAllTorch
    public void Every_torch_row_resolves()
    {
        foreach (var row in CompatibilityTable.Default.Torch)
        {
            var result = CogResolver.Resolve(Config(gpu: row.Cuda is not null, python: "3.11", packages: ["torch==" + row.TorchVersion]), null);
            Assert.True(result.Error is null || result.Error.StartsWith("no matching base image", StringComparison.Ordinal), result.Error);
            Assert.Equal(row.Cuda is null, result.Cuda is null);
        }
    }

    [Fact]
    public void Table_drops_rows_without_a_base_image()
    {
        Assert.Contains(CompatibilityTable.Default.TorchAll, r => r.Cuda == "10.2");
        Assert.DoesNotContain(CompatibilityTable.Default.Torch, r => r.Cuda == "10.2");
        Assert.Equal("6110c912377d4ded0f57165d305821a14a9a4418", CompatibilityTable.Default.Commit);
    }

    [Fact] // TestUnsupportedTorch
    public void Unknown_torch_needs_CUDA()
    {
        var result = CogResolver.Resolve(Config(gpu: true, packages: ["torch==0.4.1"]), null);
        Assert.StartsWith("cog doesn't know what CUDA version is compatible with torch==0.4.1.", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, result.ErrorLine);
        var withCuda = Check(Config(gpu: true, cuda: "11.8", packages: ["torch==0.4.1"]), null, ["torch==0.4.1"], "11.8", "8");
        Assert.Contains(withCuda.Warnings, w => w.Text == "Cog doesn't know if CUDA 11.8 is compatible with PyTorch 0.4.1. This might cause CUDA problems.");
        Assert.Contains(withCuda.Findings, f => f.Kind == CogFindingKind.UnknownFrameworkVersion);
    }

    [Fact] // TestUnsupportedTensorflow
    public void Unknown_tensorflow_needs_CUDA()
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
    public void Missing_requirements_file() =>
        Check(Config(), null, error: "invalid build.python_requirements \"requirements.txt\": file does not exist");

    [Fact]
    public void Tensorflow_needs_a_matching_CUDA_major() =>
        Check(Config(gpu: true, cuda: "12.1", packages: ["tensorflow==2.12.0"]), null, error: "TensorFlow 2.12.0 is incompatible with CUDA 12.1: TensorFlow 2.12.0 requires CUDA 11.8");

    [Fact]
    public void Tensorflow_cudnn_mismatch_fails() =>
        Check(Config(gpu: true, cuda: "11.8", cudnn: "8", packages: ["tensorflow==2.18.0"]), null,
            error: "TensorFlow 2.18.0 is incompatible with CUDA 11.8: TensorFlow 2.18.0 requires CUDA 12.5");

    [Fact]
    public void Unpinned_torch_on_gpu_fails()
    {
        var result = Check(Config(gpu: true), "numpy\ntorch\n", error: "torch version must be specified when using CUDA");
        Assert.Equal(1, result.ErrorLine);
        Assert.Contains(result.Findings, f => f.Kind == CogFindingKind.CogError && f.Line == 1);
    }

    [Fact]
    public void Unpinned_torch_on_cpu_is_fine() =>
        Check(Config(), "torch\ntorchvision==0.15.2", [Cpu, "torch", "torchvision==0.15.2"]).Findings.Single(f => f.Kind == CogFindingKind.CompanionPinMismatch);

    [Fact]
    public void Default_CUDA_without_a_framework()
    {
        var result = Check(Config(gpu: true, python: "3.11"), "numpy==1.26.0", ["numpy==1.26.0"], "11.8", "8");
        Assert.Equal(CudaSource.Default, result.CudaSource);
        Assert.Equal("nvidia/cuda:11.8.0-cudnn8-devel-ubuntu22.04", result.BaseImage);
        Assert.Equal("r8.im/cog-base:cuda11.8-python3.11", result.CogBaseImage);
    }

    [Fact]
    public void Base_image_for_torch_2_7()
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
    public void Cpu_base_image()
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
    public void Torchvision_cpu_suffix_depends_on_the_platform(string os, string arch, string expected) =>
        Check(Config(), "torchvision==0.12.0", [Cpu, expected], os: os, arch: arch);

    [Fact] // TestResolvedTorchWheel: the +cu118 tag yields to cuda: 12.8
    public void Qualified_pin_tag_is_replaced_on_gpu()
    {
        var result = Check(Config(gpu: true, python: "3.11", cuda: "12.8"), "torch==2.7.0+cu118", ["--extra-index-url https://download.pytorch.org/whl/cu128/", "torch==2.7.0"], "12.8", "9");
        var kinds = result.Findings.Select(f => f.Kind).ToHashSet();
        Assert.Contains(CogFindingKind.QualifiedPinTagReplaced, kinds);
        Assert.Contains(CogFindingKind.LocalTagContradictsConfig, kinds);
        var replaced = result.Findings.Single(f => f.Kind == CogFindingKind.QualifiedPinTagReplaced);
        Assert.Equal(new CogLsp.Syntax.Text.TextSpan(12, 6), replaced.Span);
    }

    [Fact]
    public void Qualified_pin_of_the_same_build_is_information()
    {
        var result = Check(Config(gpu: true), "torch==1.11.0+cu113", ["--extra-index-url https://download.pytorch.org/whl/cu113/", "torch==1.11.0"], "11.3", "8");
        Assert.Equal(CogLsp.Analysis.Diagnostics.DiagnosticSeverity.Information, result.Findings.Single(f => f.Kind == CogFindingKind.QualifiedPinKept).Severity);
    }

    [Fact]
    public void Cpu_qualified_pin_is_kept_without_an_index()
    {
        var result = Check(Config(), "torch==2.0.1+cpu", ["torch==2.0.1+cpu"]);
        Assert.Equal(CogLsp.Analysis.Diagnostics.DiagnosticSeverity.Warning, result.Findings.Single(f => f.Kind == CogFindingKind.QualifiedPinKept).Severity);
        var withIndex = Check(Config(), "--extra-index-url https://download.pytorch.org/whl/cpu\ntorch==2.0.1+cpu", ["--extra-index-url https://download.pytorch.org/whl/cpu", "torch==2.0.1+cpu"]);
        Assert.Equal(CogLsp.Analysis.Diagnostics.DiagnosticSeverity.Information, withIndex.Findings.Single(f => f.Kind == CogFindingKind.QualifiedPinKept).Severity);
    }

    [Fact]
    public void CUDA_tag_with_gpu_false_contradicts() =>
        Assert.Contains(Check(Config(), "torch==2.0.1+cu118", ["torch==2.0.1+cu118"]).Findings, f => f.Kind == CogFindingKind.LocalTagContradictsConfig);

    [Fact]
    public void Unknown_CUDA_tag() =>
        Assert.Contains(Check(Config(gpu: true, cuda: "12.1"), "torch==2.0.1+cu121", cuda: "12.1", cudnn: "8").Findings,
            f => f.Kind == CogFindingKind.LocalTagUnknownBuild && f.Message.Contains("cu117, cpu, cu118", StringComparison.Ordinal));

    [Fact]
    public void No_wheel_for_the_python_version() =>
        Assert.Contains(Check(Config(gpu: true, python: "3.12"), "torch==1.11.0", cuda: "11.3", cudnn: "8").Findings,
            f => f.Kind == CogFindingKind.NoWheelForPython && f.Message.Contains("cp312", StringComparison.Ordinal));

    [Fact]
    public void Dotted_name_loses_its_prefix()
    {
        var result = Check(Config(), "zope.interface==5.4.0", ["interface==5.4.0"]);
        var finding = result.Findings.Single(f => f.Kind == CogFindingKind.DottedNameTruncated);
        Assert.Equal("zope-interface", finding.Fix);
        Assert.Equal(new CogLsp.Syntax.Text.TextSpan(0, 14), finding.Span);
    }

    [Fact]
    public void Case_sensitive_torch_is_not_rewritten()
    {
        var result = Check(Config(gpu: true), "Torch==2.0.1", ["Torch==2.0.1"], "11.8", "8");
        Assert.Equal(CudaSource.Default, result.CudaSource);
        Assert.Equal("torch", result.Findings.Single(f => f.Kind == CogFindingKind.CaseSensitiveName).Fix);
    }

    [Fact]
    public void Extras_disable_the_rewrite() =>
        Assert.Contains(Check(Config(gpu: true), "torch[opt]==2.0.1", ["torch[opt]==2.0.1"], "11.8", "8").Findings, f => f.Kind == CogFindingKind.ExtrasDisableRewrite);

    [Fact]
    public void Spaced_pin_is_not_rewritten_but_decides_CUDA()
    {
        var result = Check(Config(gpu: true), "torch == 1.11.0", ["torch == 1.11.0"], "11.3", "8");
        Assert.Equal("torch==1.11.0", result.Findings.Single(f => f.Kind == CogFindingKind.SpacedPinNotRewritten).Fix);
    }

    [Fact]
    public void Range_is_not_rewritten_yet_decides_CUDA()
    {
        var result = Check(Config(gpu: true), "torch>=2.0,<2.2", ["torch>=2.0,<2.2"], "11.8", "8");
        var finding = result.Findings.Single(f => f.Kind == CogFindingKind.RangeNotRewritten);
        Assert.Equal(new CogLsp.Syntax.Text.TextSpan(7, 3), finding.Span);
    }

    [Fact]
    public void Marker_is_dropped_when_rebuilt()
    {
        var result = Check(Config(), "numpy==1.21.0 ; python_version < \"3.11\"\nrequests==2.31.0 --hash=sha256:abc", ["numpy==1.21.0", "requests==2.31.0"]);
        Assert.Equal(2, result.Findings.Count(f => f.Kind == CogFindingKind.PinRebuiltDropsParts));
    }

    [Fact]
    public void Space_form_index_is_dropped_and_the_rewrite_happens()
    {
        var result = Check(Config(gpu: true, cuda: "11.8"), "torch==2.0.1 --extra-index-url https://download.pytorch.org/whl/cu117", [Cu118, "torch==2.0.1"], "11.8", "8");
        Assert.Contains(result.Findings, f => f.Kind == CogFindingKind.IndexOptionChangesRewrite && f.Severity == CogLsp.Analysis.Diagnostics.DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Index_line_competes_with_Cogs_index()
    {
        var result = Check(Config(gpu: true, cuda: "11.7"), "--extra-index-url https://download.pytorch.org/whl/cu118\ntorch==2.0.1",
            ["--extra-index-url https://download.pytorch.org/whl/cu118", "torch==2.0.1"], "11.7", "8");
        Assert.Contains(result.Findings, f => f.Kind == CogFindingKind.IndexOptionChangesRewrite && f.Line == 0);
    }

    [Fact]
    public void Hash_cuts_the_url_fragment()
    {
        var result = Check(Config(), "git+https://github.com/org/repo.git#egg=repo", ["git+https://github.com/org/repo.git"]);
        Assert.Equal("repo @ git+https://github.com/org/repo.git", result.Findings.Single(f => f.Kind == CogFindingKind.HashCutsLine).Fix);
    }

    [Fact]
    public void Comment_continuation_swallows_the_next_line()
    {
        var result = Check(Config(), "# pinned for CUDA \\\ntorch==2.0.1\nnumpy==1.26.0", ["numpy==1.26.0"]);
        Assert.Equal(1, result.Findings.Single(f => f.Kind == CogFindingKind.CommentContinuationSwallowsLine).Line);
    }

    [Fact]
    public void Local_includes_are_refused()
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
    public void Constraint_file_is_not_shipped()
    {
        var result = Check(Config(), "-c constraints.txt\nnumpy", ["-c constraints.txt", "numpy"]);
        Assert.Contains(result.Findings, f => f.Kind == CogFindingKind.ConstraintFileNotShipped && f.Severity == CogLsp.Analysis.Diagnostics.DiagnosticSeverity.Error);
    }

    [Fact]
    public void Cog_and_coglet_are_dropped()
    {
        var result = Check(Config(), "cog==0.9.0\nnumpy\nCoglet", ["numpy"]);
        Assert.Equal("'cog==0.9.0' found in requirements — overriding with latest cog from PyPI. Remove it from requirements and use build.sdk_version in cog.yaml or COG_SDK_WHEEL to control the version.", result.Warnings[^2].Text);
        Assert.Equal(CogLineAction.Dropped, result.LineAt(0)!.Action);
        Assert.Null(result.LineAt(0)!.Output);
    }

    [Fact]
    public void Editable_self_install()
    {
        var result = Check(Config(), "-e .\nnumpy\n-e . # self", ["numpy", "-e ."]);
        Assert.Contains(result.Findings, f => f.Kind == CogFindingKind.EditableSelf && f.Line == 0);
        Assert.Contains(result.Findings, f => f.Kind == CogFindingKind.EditableSelf && f.Line == 2 && f.Severity == CogLsp.Analysis.Diagnostics.DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Marker_version_decides_CUDA() =>
        Check(Config(gpu: true), "torch; python_version >= '3.8'", error: "cog doesn't know what CUDA version is compatible with torch=='3.8'. You might need to upgrade Cog: https://github.com/replicate/cog#upgrade\n\nIf that doesn't work, you need to set the 'cuda' option in cog.yaml to set what version to use. You might be able to find this out from https://pytorch.org/");
}
