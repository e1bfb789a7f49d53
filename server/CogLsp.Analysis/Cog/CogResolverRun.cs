using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Projects;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// One resolution, step by step in Cog's order. Mutable while it runs (like Cog's Config during
/// Complete), then frozen into a <see cref="CogResolution"/>. Each method names the Cog function it ports.
/// This file holds validation, the CUDA/cuDNN completion and the base image; the requirements Cog
/// writes are in CogResolverRun.Requirements.cs. The findings come from <see cref="CogLineFindings"/>
/// (how Cog reads each line) and <see cref="CogResolutionExplainer"/> (what the resolution means for it).
/// </summary>
internal sealed partial class CogResolverRun
{
    private readonly CogBuildConfig _config;
    private readonly string? _text;
    private readonly string _os;
    private readonly string _arch;
    private readonly CompatibilityTable _table;
    private readonly SourceText? _source;
    private readonly List<CogMessage> _warnings = [];
    private readonly CogFindingList _findings;
    private readonly List<CogLineResolution> _lines = [];

    /// <summary>The lines whose name==version Cog looked up for the build (pythonPackageForArch's last case), in order.</summary>
    private readonly List<CogLineResolution> _pins = [];
    private Dictionary<string, CogLogicalLine>? _firstLineByName;
    private ImmutableArray<CogLogicalLine> _input = [];
    private CogRequirementsReader.Result? _read;
    private string _cuda;
    private string _cudnn;
    private CudaSource _cudaSource;
    private int _cudaSourceLine = -1;
    private string? _error;
    private string? _errorKey;
    private int _errorLine = -1;
    private CogErrorKind _errorKind;

    public CogResolverRun(CogBuildConfig config, SourceText? text, string os, string arch, CompatibilityTable table)
    {
        _config = config;
        _text = text?.Text;
        _os = os;
        _arch = arch;
        _table = table;
        _source = text;
        _findings = new CogFindingList(text);
        _cuda = config.Cuda ?? string.Empty;
        _cudnn = config.Cudnn ?? string.Empty;
        _cudaSource = config.Gpu && _cuda.Length > 0 ? CudaSource.CogYaml : CudaSource.None;
    }

    private bool UsesFile => !string.IsNullOrEmpty(_config.PythonRequirements);

    private bool IsAppleSilicon => _os == "darwin" && _arch == "arm64";

    private string PythonVersion => _config.PythonVersion ?? string.Empty;

    public CogResolution Execute()
    {
        LoadInput();
        new CogLineFindings(_config, _read, _input, _source, _findings).AddAll();

        var output = ImmutableArray<string>.Empty;
        string? baseImage = null;
        string? cogBase = null;
        var completed = Validate() && Complete();
        if (completed && CheckLocalArtifacts())
        {
            (baseImage, cogBase) = ChooseBaseImage();
            if (_error is null)
            {
                output = WriteRequirements();
                new CogResolutionExplainer(_config, _table, _cuda, _input, _lines, _pins, _findings).AddAll();
            }
        }

        if (_error is not null && _errorLine >= 0 && _input.FirstOrDefault(l => l.Index == _errorLine) is { } errorLine)
        {
            _findings.Add(CogFindingKind.CogError, DiagnosticSeverity.Error, errorLine, 0, errorLine.Text.Length, _error + CogReleases.Since(_error));
        }

        for (var i = 0; i < _warnings.Count; i++)
        {
            var warning = _warnings[i];
            if (warning.LineIndex >= 0 && _input.FirstOrDefault(l => l.Index == warning.LineIndex) is { } line)
            {
                // Cog prints its CUDA suggestion as a line of its own after the warning it belongs to: one finding for both.
                var text = i + 1 < _warnings.Count && _warnings[i + 1] is { SuggestedCuda: not null } next && next.LineIndex == warning.LineIndex
                    ? warning.Text + " " + _warnings[++i].Text
                    : warning.Text;
                _findings.Add(warning.LineKind, DiagnosticSeverity.Warning, line, 0, line.Text.Length, "Cog: " + text);
            }
        }

        return new CogResolution
        {
            RequirementLines = output,
            Cuda = _config.Gpu && completed ? NullIfEmpty(_cuda) : null,
            Cudnn = _config.Gpu && completed ? NullIfEmpty(_cudnn) : null,
            CudaSource = _config.Gpu ? _cudaSource : CudaSource.None,
            CudaSourceLine = _cudaSourceLine,
            BaseImage = baseImage,
            CogBaseImage = cogBase,
            Warnings = [.. _warnings],
            Error = _error,
            ErrorKey = _errorKey,
            ErrorLine = _errorLine,
            ErrorKind = _errorKind,
            Lines = [.. _lines],
            Findings = _findings.Sorted(),
            FromPythonPackages = !UsesFile,
            PythonVersion = _config.PythonVersion,
            TableCommit = _table.Commit,
            TableDate = _table.Date,
        };
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    // ---- Input: Config.Complete loads python_requirements (requirements.ReadRequirements) or python_packages.

    private void LoadInput()
    {
        if (UsesFile)
        {
            if (_text is not null)
            {
                _read = CogRequirementsReader.Read(_text);
                _input = _read.Lines;
            }
        }
        else if (!_config.PythonPackages.IsDefaultOrEmpty)
        {
            _input = CogRequirementsReader.FromPythonPackages(_config.PythonPackages);
        }
    }

    // ---- validate.go: ValidateConfigFile, the checks that decide whether resolution happens at all.

    private bool Validate()
    {
        if (CogBuildStoppers.ParseFailure(_config) is { } parseFailure)
        {
            _error = parseFailure;
            _errorKind = CogErrorKind.Validation;
            return false;
        }

        var errors = new List<(string Text, string Key)>(CogBuildStoppers.ValidationErrors(_config, CogBuildPhase.Schema));
        errors.AddRange(CogBuildStoppers.ValidationErrors(_config, CogBuildPhase.ValidateBeforeBuild));
        var incompatible = false;
        var python = _config.PythonVersion;
        if (string.IsNullOrEmpty(python) && _config.HasBuildSection)
        {
            errors.Add(("invalid build.python_version: python_version is required. Add it to the build section of your cog.yaml, e.g. `python_version: \"3.13\"`", "build.python_version"));
        }
        else if (!string.IsNullOrEmpty(python) && PythonVersionError(python) is { } pythonError)
        {
            errors.Add((pythonError, "build.python_version"));
        }

        if (!_config.PythonPackages.IsDefaultOrEmpty && UsesFile)
        {
            errors.Add(("invalid build: only one of python_packages or python_requirements can be set, not both", "build.python_requirements"));
        }

        if (UsesFile && _text is null)
        {
            errors.Add(($"invalid build.python_requirements {GoStrings.Quote(_config.PythonRequirements!)}: file does not exist", "build.python_requirements"));
        }

        if (_cuda.Length > 0 && ValidationCudaError(_cuda) is { } cudaError)
        {
            errors.Add((cudaError, "build.cuda"));
        }

        if (_config.Gpu)
        {
            if (_cuda.Length > 0 && _cudnn.Length > 0)
            {
                var compatible = CompatibleCudnns(_cuda);
                if (!compatible.Contains(_cudnn) && compatible.Count > 0)
                {
                    errors.Add(($"CUDA {_cuda} is incompatible with CuDNN {_cudnn}: compatible CuDNN versions are: {string.Join(", ", compatible)}", "build.cudnn"));
                    incompatible = true;
                }
            }

            // validateFrameworkCompatibility: the first tensorflow line that has a version.
            if (_cuda.Length > 0)
            {
                var tf = _input.Where(l => !CogRequirementSyntax.IsLocalArtifactOrRefused(l.Text) && CogRequirementSyntax.PackageName(l.Text) == "tensorflow")
                    .Select(l => CogRequirementSyntax.Versions(l.Text)).FirstOrDefault(v => v.Length > 0);
                if (!tf.IsDefaultOrEmpty && _table.TensorFlow.FirstOrDefault(r => r.TensorFlow == tf[0]) is { } row
                    && !_cuda.StartsWith(row.Cuda.Split('.')[0], StringComparison.Ordinal))
                {
                    errors.Add(($"TensorFlow {tf[0]} is incompatible with CUDA {_cuda}: TensorFlow {tf[0]} requires CUDA {row.Cuda}", "build.cuda"));
                    incompatible = true;
                }
            }
        }

        errors.AddRange(CogBuildStoppers.ValidationErrors(_config, CogBuildPhase.ValidateAfterBuild));
        if (errors.Count == 0)
        {
            return true;
        }

        _error = string.Join("\n", errors.Select(e => e.Text));
        _errorKey = errors[0].Key;
        _errorKind = incompatible ? CogErrorKind.IncompatibleVersions : CogErrorKind.Validation;
        return false;
    }

    private static string? PythonVersionError(string version)
    {
        version = GoStrings.TrimSpace(version);
        var parts = version.Split('.', 3);
        var quoted = GoStrings.Quote(version);
        if (parts.Length < 2)
        {
            return $"invalid build.python_version {quoted}: must include major and minor version (e.g., '3.11')";
        }

        if (!CogVersion.TryAtoi(parts[0], out var major))
        {
            return $"invalid build.python_version {quoted}: invalid major version number";
        }

        if (!CogVersion.TryAtoi(parts[1], out var minor))
        {
            return $"invalid build.python_version {quoted}: invalid minor version number";
        }

        return major < 3 || (major == 3 && minor < 10) ? $"invalid build.python_version {quoted}: minimum supported Python version is 3.10" : null;
    }

    private static string? ValidationCudaError(string cuda)
    {
        var parts = cuda.Split('.');
        var quoted = GoStrings.Quote(cuda);
        if (parts.Length < 2)
        {
            return $"invalid build.cuda {quoted}: must include both major and minor versions (e.g., '11.8')";
        }

        if (!CogVersion.TryAtoi(parts[0], out var major))
        {
            return $"invalid build.cuda {quoted}: invalid major version number";
        }

        return major < 11 ? $"invalid build.cuda {quoted}: minimum supported CUDA version is 11" : null;
    }

    // ---- config.go: Complete → validateAndCompleteCUDA (GPU builds only).

    private bool Complete()
    {
        if (_read?.Error is { } readError)
        {
            return Fail(readError, "build.python_requirements", -1);
        }

        return !_config.Gpu || ValidateAndCompleteCuda();
    }

    private bool Fail(string text, string? key, int line)
    {
        _error = text;
        _errorKey = key;
        _errorLine = line;
        _errorKind = CogErrorKind.Resolution;
        return false;
    }

    private bool ValidateAndCompleteCuda()
    {
        if (_cuda.Length > 0 && CompleteCudaError(_cuda) is { } cudaError)
        {
            return Fail(cudaError, "build.cuda", -1);
        }

        if (_cuda.Length > 0 && _cudnn.Length > 0)
        {
            var compatible = CompatibleCudnns(_cuda);
            if (!compatible.Contains(_cudnn))
            {
                return Fail($"the specified CUDA version {_cuda} is not compatible with CuDNN {_cudnn}.\nCompatible CuDNN versions are: {string.Join(",", compatible)}", "build.cudnn", -1);
            }
        }

        var (torchVersion, torchFound, torchLine) = PackageVersion("torch");
        var torchCudas = new List<string>();
        if (torchFound)
        {
            if (torchVersion.Length == 0)
            {
                return Fail("torch version must be specified when using CUDA", "build.gpu", torchLine);
            }

            torchCudas = CudasFromTorch(torchVersion);
        }

        var (tfVersion, tfFound, tfLine) = PackageVersion("tensorflow");
        string tfCuda = string.Empty, tfCudnn = string.Empty;
        if (tfFound && _table.TensorFlow.FirstOrDefault(r => r.TensorFlow == tfVersion) is { } tfRow)
        {
            tfCuda = tfRow.Cuda;
            tfCudnn = tfRow.Cudnn;
        }

        if (tfFound && tfVersion.Length > 0)
        {
            if (_cuda.Length == 0)
            {
                if (tfCudnn.Length == 0)
                {
                    return Fail($"cog doesn't know what CUDA version is compatible with tensorflow=={tfVersion}. You might need to upgrade Cog: https://github.com/replicate/cog#upgrade\n\nIf that doesn't work, you need to set the 'cuda' option in cog.yaml to set what version to use. You might be able to find this out from https://www.tensorflow.org/", "build.cuda", tfLine);
                }

                _cuda = tfCuda;
                _cudaSource = CudaSource.TensorFlowPin;
                _cudaSourceLine = tfLine;
            }
            else if (tfCuda.Length == 0 || CogVersion.EqualMinor(tfCuda, _cuda))
            {
                // Cog's condition is as written: it warns when the CUDA it knows for this
                // tensorflow equals build.cuda (or when it knows none), not when they differ.
                _warnings.Add(new CogMessage($"Cog doesn't know if CUDA {_cuda} is compatible with Tensorflow {tfVersion}. This might cause CUDA problems.", "build.cuda", tfLine));
                if (tfCuda.Length > 0)
                {
                    _warnings.Add(new CogMessage($"Try {tfCuda} instead?", "build.cuda", tfLine) { SuggestedCuda = tfCuda });
                }
            }

            if (_cudnn.Length == 0 && tfCudnn.Length > 0)
            {
                _cudnn = tfCudnn;
            }
            else if (_cudnn.Length == 0)
            {
                if (LatestCudnn(_cuda) is not { } latest)
                {
                    return Fail($"CUDA {_cuda} is not supported by Cog", "build.cuda", -1);
                }

                _cudnn = latest;
            }
            else if (tfCudnn != _cudnn)
            {
                _warnings.Add(new CogMessage($"Cog doesn't know if cuDNN {_cudnn} is compatible with Tensorflow {tfVersion}. This might cause CUDA problems.", "build.cudnn", tfLine));
                return Fail($"the specified cuDNN version {_cudnn} is not compatible with tensorflow=={tfVersion}.\nCompatible cuDNN version is: {tfCudnn}", "build.cudnn", tfLine);
            }
        }
        else if (torchFound && torchVersion.Length > 0)
        {
            if (_cuda.Length == 0)
            {
                if (torchCudas.Count == 0)
                {
                    return Fail($"cog doesn't know what CUDA version is compatible with torch=={torchVersion}. You might need to upgrade Cog: https://github.com/replicate/cog#upgrade\n\nIf that doesn't work, you need to set the 'cuda' option in cog.yaml to set what version to use. You might be able to find this out from https://pytorch.org/", "build.cuda", torchLine);
                }

                _cuda = LatestCuda(torchCudas);
                _cudaSource = CudaSource.TorchPin;
                _cudaSourceLine = torchLine;
            }
            else if (!torchCudas.Any(c => CogVersion.EqualMinor(c, _cuda)))
            {
                _warnings.Add(new CogMessage($"Cog doesn't know if CUDA {_cuda} is compatible with PyTorch {torchVersion}. This might cause CUDA problems.", "build.cuda", torchLine));
                if (torchCudas.Count > 0)
                {
                    _warnings.Add(new CogMessage($"Try {torchCudas[^1]} instead?", "build.cuda", torchLine) { SuggestedCuda = torchCudas[^1] });
                }
            }

            if (_cudnn.Length == 0)
            {
                if (LatestCudnn(_cuda) is not { } latest)
                {
                    return Fail($"CUDA {_cuda} is not supported by Cog", "build.cuda", -1);
                }

                _cudnn = latest;
            }
        }
        else
        {
            if (_cuda.Length == 0)
            {
                _cuda = CogResolver.DefaultCuda;
                _cudaSource = CudaSource.Default;
            }

            if (_cudnn.Length == 0)
            {
                if (LatestCudnn(_cuda) is not { } latest)
                {
                    return Fail($"CUDA {_cuda} is not supported by Cog", "build.cuda", -1);
                }

                _cudnn = latest;
            }
        }

        return true;
    }

    private static string? CompleteCudaError(string cuda)
    {
        var parts = cuda.Split('.');
        var quoted = GoStrings.Quote(cuda);
        if (parts.Length < 2)
        {
            return $"CUDA version {quoted} must include both major and minor versions";
        }

        if (!CogVersion.TryAtoi(parts[0], out var major))
        {
            return $"invalid major version in CUDA version {quoted}";
        }

        if (!CogVersion.TryAtoi(parts[1], out _))
        {
            return $"invalid minor version in CUDA version {quoted}";
        }

        return major < 11 ? $"minimum supported CUDA version is 11, requested {quoted}" : null;
    }

    /// <summary>Config.pythonPackageVersion: the first non-local line whose Cog name is exactly <paramref name="name"/>.</summary>
    private (string Version, bool Found, int Line) PackageVersion(string name)
    {
        // Cog asks this for several names, each time over every line; one pass records the first line
        // of every name, so a resolution reads each line once (the input never changes during a run).
        _firstLineByName ??= FirstLineByName();
        if (!_firstLineByName.TryGetValue(name, out var line))
        {
            return (string.Empty, false, -1);
        }

        var versions = CogRequirementSyntax.Versions(line.Text);
        return (versions.Length > 0 ? versions[0] : string.Empty, true, line.Index);
    }

    private Dictionary<string, CogLogicalLine> FirstLineByName()
    {
        var first = new Dictionary<string, CogLogicalLine>(StringComparer.Ordinal);
        foreach (var line in _input)
        {
            if (!CogRequirementSyntax.IsLocalArtifactOrRefused(line.Text))
            {
                first.TryAdd(CogRequirementSyntax.PackageName(line.Text), line);
            }
        }

        return first;
    }

    /// <summary>cudasFromTorch: the CUDA of a +cuXYZ tag when the table has that build, else every CUDA the table has for the version.</summary>
    private List<string> CudasFromTorch(string version)
    {
        var (tagCuda, plain) = CogResolver.CudaFromLocalTag(version);
        if (tagCuda.Length > 0)
        {
            foreach (var row in _table.Torch)
            {
                if (row.Cuda is not null && CogVersion.Matches(plain, row.TorchVersion) && row.Cuda == tagCuda)
                {
                    return [row.Cuda];
                }
            }
        }

        var cudas = _table.Torch.Where(r => r.Cuda is not null && CogVersion.Matches(plain, r.TorchVersion)).Select(r => r.Cuda!).ToList();
        cudas.Sort(StringComparer.Ordinal);
        return cudas;
    }

    private static string LatestCuda(List<string> cudas)
    {
        var latest = string.Empty;
        foreach (var cuda in cudas)
        {
            if (latest.Length == 0 || CogVersion.Greater(cuda, latest))
            {
                latest = cuda;
            }
        }

        return latest;
    }

    private List<string> CompatibleCudnns(string cuda) =>
        _table.CudaBaseImages.Where(i => CogVersion.Matches(cuda, i.Cuda)).Select(i => i.Cudnn).ToList();

    private string? LatestCudnn(string cuda)
    {
        string? best = null;
        foreach (var cudnn in CompatibleCudnns(cuda))
        {
            if (best is null || CogVersion.Greater(cudnn, best))
            {
                best = cudnn;
            }
        }

        return best;
    }

    // ---- config.go: ResolveLocalPackageArtifacts (run by the Dockerfile generator; requirements files only).

    private bool CheckLocalArtifacts()
    {
        if (!UsesFile)
        {
            return true;
        }

        foreach (var line in _input)
        {
            var (_, _, error) = CogRequirementSyntax.ParseLocalArtifact(line.Text);
            if (error is not null)
            {
                return Fail(error, null, line.Index);
            }
        }

        return true;
    }

    // ---- standard_generator.go BaseImage / determineBaseImageName, base.go, compatibility.go cudaBaseImageFor.

    private (string? BaseImage, string? CogBase) ChooseBaseImage()
    {
        string? cogBase = null;
        var python = PythonVersion;
        string? problem = null;
        if (python.Length > 0 && CogVersion.TryParse(python) is null)
        {
            problem = "Invalid version: " + python;
        }
        else
        {
            var stripped = python.Length == 0 ? string.Empty : CogVersion.StripPatch(python);
            if (stripped != python)
            {
                _warnings.Add(new CogMessage($"Stripping patch version from Python version {python} to {stripped}", "build.python_version"));
            }

            var (torch, _, _) = PackageVersion("torch");
            var candidate = new CogBaseImageCatalog(_table).Find(_cuda, stripped, torch);
            if (candidate.Name is not null)
            {
                cogBase = candidate.Name;
            }
            else
            {
                problem = candidate.Problem;
            }
        }

        if (problem is not null)
        {
            _warnings.Add(new CogMessage($"Could not find a suitable base image, continuing without base image support ({problem}).", null));
        }

        if (!_config.Gpu)
        {
            return ("python:" + python + "-slim", cogBase);
        }

        var images = _table.CudaBaseImages.Where(i => CogVersion.Matches(_cuda, i.Cuda) && i.Cudnn == _cudnn).ToList();
        if (images.Count > 0)
        {
            var best = images[0];
            foreach (var image in images.Skip(1))
            {
                var greater = image.Cuda != best.Cuda
                    ? CogVersion.Greater(image.Cuda, best.Cuda)
                    : string.CompareOrdinal(image.Ubuntu, best.Ubuntu) > 0;
                if (greater)
                {
                    best = image;
                }
            }

            return (best.ImageName, cogBase);
        }

        if (cogBase is not null)
        {
            return (cogBase, cogBase);
        }

        Fail($"no matching base image for CUDA {_cuda} and CuDNN {_cudnn}", _config.Cuda is null ? "build.gpu" : "build.cuda", -1);
        return (null, null);
    }
}
