using System.Collections.Immutable;
using System.Globalization;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// One resolution, step by step in Cog's order. Mutable while it runs (like Cog's Config during
/// Complete), then frozen into a <see cref="CogResolution"/>. Each method names the Cog function it ports.
/// </summary>
internal sealed class CogResolverRun
{
    private static readonly string[] Frameworks = ["torch", "torchvision", "tensorflow"];

    private readonly CogBuildConfig _config;
    private readonly string? _text;
    private readonly string _os;
    private readonly string _arch;
    private readonly CompatibilityTable _table;
    private readonly SourceText? _source;
    private readonly List<CogMessage> _warnings = [];
    private readonly List<CogFinding> _findings = [];
    private readonly List<CogLineResolution> _lines = [];
    private Dictionary<string, CogLogicalLine>? _firstLineByName;
    private readonly List<(CogLogicalLine Line, string Package, string Requested, string Tag, string Plain)> _verbatimTagged = [];
    private ImmutableArray<CogLogicalLine> _input = [];
    private CogRequirementsReader.Result? _read;
    private string _cuda;
    private string _cudnn;
    private CudaSource _cudaSource;
    private int _cudaSourceLine = -1;
    private string? _error;
    private string? _errorKey;
    private int _errorLine = -1;
    private bool _errorIsValidation;

    public CogResolverRun(CogBuildConfig config, SourceText? text, string os, string arch, CompatibilityTable table)
    {
        _config = config;
        _text = text?.Text;
        _os = os;
        _arch = arch;
        _table = table;
        _source = text;
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
        AddReaderFindings();
        foreach (var line in _input)
        {
            AddParserFindings(line);
        }

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
                AddVerbatimTagFindings();
                AddIndexLineFindings();
            }
        }

        if (_error is not null && _errorLine >= 0 && _input.FirstOrDefault(l => l.Index == _errorLine) is { } errorLine)
        {
            Add(CogFindingKind.CogError, DiagnosticSeverity.Error, errorLine, 0, errorLine.Text.Length, _error);
        }

        foreach (var warning in _warnings.Where(w => w.LineIndex >= 0))
        {
            if (_input.FirstOrDefault(l => l.Index == warning.LineIndex) is { } line)
            {
                Add(CogFindingKind.CogWarning, DiagnosticSeverity.Warning, line, 0, line.Text.Length, "Cog: " + warning.Text);
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
            ErrorIsValidation = _errorIsValidation,
            Lines = [.. _lines],
            Findings = [.. _findings.OrderBy(f => f.Span.Start).ThenBy(f => f.Kind)],
            FromPythonPackages = !UsesFile,
            PythonVersion = _config.PythonVersion,
            TableCommit = _table.Commit,
            TableDate = _table.Date,
        };
    }

    /// <summary>
    /// Only the findings about single lines: how Cog reads each line and what its parser makes of it,
    /// sorted as <see cref="Execute"/> sorts them. Together with the lines Cog read, for a caller that
    /// splices a region of a file into an earlier resolution.
    /// </summary>
    public (ImmutableArray<CogFinding> Findings, CogRequirementsReader.Result? Read) ExecuteLineFindings()
    {
        LoadInput();
        AddReaderFindings();
        foreach (var line in _input)
        {
            AddParserFindings(line);
        }

        return ([.. _findings.OrderBy(f => f.Span.Start).ThenBy(f => f.Kind)], _read);
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
            _errorIsValidation = true;
            return false;
        }

        var errors = new List<(string Text, string Key)>(CogBuildStoppers.ValidationErrors(_config, CogBuildPhase.ValidateBeforeBuild));
        var python = _config.PythonVersion;
        if (string.IsNullOrEmpty(python))
        {
            errors.Add(("invalid build.python_version: python_version is required. Add it to the build section of your cog.yaml, e.g. `python_version: \"3.13\"`", "build.python_version"));
        }
        else if (PythonVersionError(python) is { } pythonError)
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
        _errorIsValidation = true;
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
                    _warnings.Add(new CogMessage($"Try {tfCuda} instead?", "build.cuda", tfLine));
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
                    _warnings.Add(new CogMessage($"Try {torchCudas[^1]} instead?", "build.cuda", torchLine));
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

    // ---- standard_generator.go pipInstalls → config.go PythonRequirementsForArch → filterManagedPackages.

    private ImmutableArray<string> WriteRequirements()
    {
        var includes = new List<(string Requirement, string Name, int Line)>();
        foreach (var name in new[] { "torch", "torchvision", "torchaudio", "tensorflow" })
        {
            var (version, found, line) = PackageVersion(name);
            if (found)
            {
                includes.Add((name + "==" + version, name, line));
            }
        }

        var packages = new List<(string Text, CogLogicalLine? Source)>();
        var findLinks = new List<string>();
        var extraIndexUrls = new List<string>();
        foreach (var line in _input)
        {
            var resolved = ForArch(line);
            packages.Add((resolved.Output!, line));
            foreach (var link in resolved.FindLinks.Where(l => !findLinks.Contains(l)))
            {
                findLinks.Add(link);
            }

            foreach (var url in resolved.ExtraIndexUrls.Where(u => !extraIndexUrls.Contains(u)))
            {
                extraIndexUrls.Add(url);
            }

            var name = CogRequirementSyntax.IsLocalArtifactOrRefused(resolved.Output!) ? string.Empty : CogRequirementSyntax.PackageName(resolved.Output!);
            if (name.Length > 0)
            {
                var found = includes.FindIndex(i => i.Name == name);
                if (found >= 0)
                {
                    includes.RemoveAt(found);
                }
            }

            _lines.Add(resolved);
        }

        foreach (var include in includes)
        {
            packages.Add((include.Requirement, null));
            if (_input.FirstOrDefault(l => l.Index == include.Line) is { } source)
            {
                Add(CogFindingKind.MovedToEnd, DiagnosticSeverity.Information, source, 0, source.Text.Length,
                    $"Cog writes `{include.Requirement}` at the end of the requirements it installs, because no line it wrote is named `{include.Name}` any more.");
            }
        }

        var lines = new List<string>();
        lines.AddRange(findLinks.Select(l => "--find-links " + l));
        lines.AddRange(extraIndexUrls.Select(u => "--extra-index-url " + u));
        var filtered = new List<string>(lines);
        foreach (var (text, source) in packages)
        {
            var trimmed = GoStrings.TrimSpace(text);
            if (trimmed.Length > 0 && !trimmed.StartsWith('#') && !trimmed.StartsWith('-'))
            {
                var baseName = CogRequirementSyntax.PackageName(trimmed).Split('[')[0].ToLowerInvariant();
                if (baseName is "cog" or "coglet")
                {
                    var message = $"'{trimmed}' found in requirements — overriding with {ManagedOverride(baseName)}. Remove it from requirements and use build.sdk_version in cog.yaml or {(baseName == "cog" ? "COG_SDK_WHEEL" : "COGLET_WHEEL")} to control the version.";
                    _warnings.Add(new CogMessage(message, null, source?.Index ?? -1));
                    if (source is not null)
                    {
                        var index = _lines.FindIndex(l => l.Line == source);
                        if (index >= 0)
                        {
                            _lines[index] = _lines[index] with { Action = CogLineAction.Dropped, Output = null, Reason = "Cog installs cog and coglet itself and removes them from your requirements." };
                        }
                    }

                    continue;
                }
            }

            filtered.Add(text);
        }

        return [.. filtered];
    }

    private string ManagedOverride(string package)
    {
        if (package == "cog" && !string.IsNullOrEmpty(_config.SdkVersion))
        {
            return _config.SdkVersion == "prerelease" ? "latest pre-release cog from PyPI" : $"cog=={_config.SdkVersion} from PyPI";
        }

        return $"latest {package} from PyPI";
    }

    /// <summary>config.go pythonPackageForArch, with the why of each outcome.</summary>
    private CogLineResolution ForArch(CogLogicalLine line)
    {
        var text = line.Text;
        var (_, isArtifact, refusal) = CogRequirementSyntax.ParseLocalArtifact(text);
        if (isArtifact || refusal is not null)
        {
            return new CogLineResolution
            {
                Index = line.Index, Line = line, Output = text,
                Action = isArtifact ? CogLineAction.LocalArtifact : (UsesFile ? CogLineAction.Refused : CogLineAction.Verbatim),
                Reason = isArtifact ? "a local package artifact: Cog copies it into the image and installs it from there" : refusal,
            };
        }

        var pinned = CogRequirementSyntax.SplitPinned(text);
        if (pinned is null)
        {
            return new CogLineResolution { Index = line.Index, Line = line, Output = text, Action = CogLineAction.Verbatim, Package = NullIfEmpty(CogRequirementSyntax.PackageName(text)) };
        }

        if (pinned.ExtraIndexUrls.Length > 0)
        {
            var kept = pinned.Name + "==" + pinned.Version;
            return new CogLineResolution
            {
                Index = line.Index, Line = line, Output = kept, Action = kept == text ? CogLineAction.Verbatim : CogLineAction.Rewritten,
                ExtraIndexUrls = pinned.ExtraIndexUrls, FindLinks = pinned.FindLinks, Package = pinned.Name, RequestedVersion = pinned.Version,
                Reason = "the line names its own --extra-index-url, so Cog keeps it and moves the index options to the top",
            };
        }

        var name = pinned.Name;
        var version = pinned.Version;
        string findLink = string.Empty, extraIndex = string.Empty;
        TorchCompatibility? torchRow = null;
        TensorFlowCompatibility? tfRow = null;
        string? installed = null;
        switch (name)
        {
            case "tensorflow":
                if (_config.Gpu)
                {
                    tfRow = _table.TensorFlow.FirstOrDefault(r => r.TensorFlow == version && CogVersion.Equal(r.Cuda, _cuda));
                    if (tfRow is not null && CogRequirementSyntax.SplitPinned(tfRow.GpuPackage) is { } gpu)
                    {
                        (name, version) = (gpu.Name, gpu.Version);
                        installed = version;
                    }
                    else
                    {
                        (name, version) = (string.Empty, string.Empty);
                    }
                }

                break;
            case "torch":
                torchRow = _config.Gpu ? TorchGpuRow(version) : _table.Torch.FirstOrDefault(r => r.TorchVersion == version && r.Cuda is null);
                if (torchRow is not null)
                {
                    version = CogVersion.StripModifier(_config.Gpu ? torchRow.Torch : StripCpuForAppleSilicon(torchRow.Torch));
                    (findLink, extraIndex) = (torchRow.FindLinks, torchRow.ExtraIndexUrl);
                    installed = _config.Gpu ? torchRow.Torch : StripCpuForAppleSilicon(torchRow.Torch);
                }

                break;
            case "torchvision":
                torchRow = _config.Gpu ? TorchvisionGpuRow(version) : _table.Torch.FirstOrDefault(r => r.TorchvisionVersion == version && r.Cuda is null);
                if (torchRow is not null)
                {
                    version = _config.Gpu ? CogVersion.StripModifier(torchRow.Torchvision) : StripCpuForAppleSilicon(torchRow.Torchvision);
                    (findLink, extraIndex) = (torchRow.FindLinks, torchRow.ExtraIndexUrl);
                    installed = _config.Gpu ? torchRow.Torchvision : StripCpuForAppleSilicon(torchRow.Torchvision);
                }
                else if (_config.Gpu)
                {
                    _warnings.Add(new CogMessage($"Cog doesn't know if CUDA {_cuda} is compatible with torchvision {version}. This might cause CUDA problems.", "build.cuda", line.Index));
                }

                break;
        }

        var output = name + (version.Length > 0 ? "==" + version : string.Empty);
        var result = new CogLineResolution
        {
            Index = line.Index, Line = line, Output = output,
            Action = output == text && extraIndex.Length == 0 && findLink.Length == 0 && pinned.FindLinks.Length == 0 ? CogLineAction.Verbatim : CogLineAction.Rewritten,
            ExtraIndexUrls = extraIndex.Length > 0 ? [extraIndex] : [],
            FindLinks = findLink.Length > 0 ? [findLink] : pinned.FindLinks,
            Package = pinned.Name, RequestedVersion = pinned.Version, InstalledVersion = installed,
            BuildCuda = torchRow?.Cuda ?? tfRow?.RawCuda, TorchRow = torchRow, TensorFlowRow = tfRow,
            Reason = WhyText(),
        };
        AddResolutionFindings(result);
        return result;
    }

    private string StripCpuForAppleSilicon(string version) => IsAppleSilicon ? version.Replace("+cpu", string.Empty, StringComparison.Ordinal) : version;

    /// <summary>torchGPUPackage: the build with the newest CUDA not above build CUDA (ties: the newer torch).</summary>
    private TorchCompatibility? TorchGpuRow(string version)
    {
        TorchCompatibility? latest = null;
        foreach (var row in _table.Torch)
        {
            if (!CogVersion.Matches(row.TorchVersion, version) || row.Cuda is null || CogVersion.Greater(row.Cuda, _cuda))
            {
                continue;
            }

            if (latest is null || CogVersion.Greater(row.Cuda, latest.Cuda!)
                || (row.Cuda == latest.Cuda && CogVersion.Greater(row.TorchVersion, latest.TorchVersion)))
            {
                latest = row;
            }
        }

        return latest;
    }

    /// <summary>torchvisionGPUPackage: exact version text; the first row of the newest CUDA not above build CUDA.</summary>
    private TorchCompatibility? TorchvisionGpuRow(string version)
    {
        TorchCompatibility? latest = null;
        foreach (var row in _table.Torch)
        {
            if (row.TorchvisionVersion != version || row.Cuda is null || CogVersion.Greater(row.Cuda, _cuda))
            {
                continue;
            }

            if (latest is null || CogVersion.Greater(row.Cuda, latest.Cuda!))
            {
                latest = row;
            }
        }

        return latest;
    }

    private string WhyText()
    {
        if (!_config.Gpu)
        {
            return "gpu: false, CPU build";
        }

        var source = _cudaSource switch
        {
            CudaSource.CogYaml => "set by build.cuda",
            CudaSource.TorchPin => "chosen from the torch pin",
            CudaSource.TensorFlowPin => "chosen from the tensorflow pin",
            _ => "Cog's default",
        };
        return $"gpu: true, CUDA {_cuda} {source}";
    }

    // ---- Findings that depend on the resolution.

    private void AddResolutionFindings(CogLineResolution r)
    {
        var line = r.Line;
        var package = r.Package!;
        if (package is not ("torch" or "torchvision" or "tensorflow"))
        {
            return;
        }

        var requested = r.RequestedVersion!;
        var hasTag = requested.Contains('+', StringComparison.Ordinal);
        var tag = hasTag ? requested[(requested.IndexOf('+', StringComparison.Ordinal) + 1)..] : string.Empty;
        var whole = (0, line.Text.Length);
        var index = r.ExtraIndexUrls.Length > 0 ? " from " + r.ExtraIndexUrls[0] : r.FindLinks.Length > 0 ? " (find-links " + r.FindLinks[0] + ")" : " from PyPI";

        if (hasTag && package != "tensorflow")
        {
            AddTagFindings(r, tag, index);
        }
        else if (r.InstalledVersion is not null && package != "tensorflow")
        {
            Add(CogFindingKind.FrameworkPinRewritten, DiagnosticSeverity.Information, line, whole.Item1, whole.Item2,
                $"{package}=={requested} will be installed as {package} {r.InstalledVersion}{index} ({r.Reason}). Cog writes `{r.Output}`{(r.ExtraIndexUrls.Length > 0 ? " and adds `--extra-index-url " + r.ExtraIndexUrls[0] + "`" : string.Empty)}.");
        }
        else if (package == "tensorflow" && _config.Gpu && r.TensorFlowRow is not null)
        {
            Add(CogFindingKind.FrameworkPinRewritten, DiagnosticSeverity.Information, line, whole.Item1, whole.Item2,
                $"tensorflow=={requested} is installed as written from PyPI; it decides the image: CUDA {r.TensorFlowRow.Cuda} and cuDNN {r.TensorFlowRow.Cudnn} ({r.Reason}).");
        }
        else if (r.InstalledVersion is null && (package != "tensorflow" || _config.Gpu))
        {
            var what = _config.Gpu
                ? $"Cog's table (commit {_table.ShortCommit}) has no {package} {requested} build for CUDA {_cuda} or lower"
                : $"Cog's table (commit {_table.ShortCommit}) has no CPU build of {package} {requested}";
            Add(CogFindingKind.UnknownFrameworkVersion, DiagnosticSeverity.Warning, line, whole.Item1, whole.Item2,
                $"{what}: Cog adds no index URL and pip installs {package}=={requested} from PyPI, whose build may not match the image.");
        }

        if (r.TorchRow is { } row && PythonMinor() is { } python && !row.Pythons.Contains(python))
        {
            Add(CogFindingKind.NoWheelForPython, DiagnosticSeverity.Warning, line, whole.Item1, whole.Item2,
                $"{package} {r.InstalledVersion} has wheels for Python {string.Join(", ", row.Pythons)} in Cog's table, not for python_version {python}: pip will not find a cp{python.Replace(".", string.Empty, StringComparison.Ordinal)} wheel.");
        }
        else if (r.TensorFlowRow is { } tfRow && PythonMinor() is { } py && !tfRow.Pythons.Contains(py))
        {
            Add(CogFindingKind.NoWheelForPython, DiagnosticSeverity.Warning, line, whole.Item1, whole.Item2,
                $"tensorflow {requested} has wheels for Python {string.Join(", ", tfRow.Pythons)} in Cog's table, not for python_version {py}.");
        }
    }

    private void AddTagFindings(CogLineResolution r, string tag, string index)
    {
        var line = r.Line;
        var package = r.Package!;
        var requested = r.RequestedVersion!;
        var plain = CogVersion.StripModifier(requested);
        var tagStart = r.Line.Text.IndexOf(requested, StringComparison.Ordinal) + plain.Length;
        var tagSpan = (tagStart, tag.Length + 1);
        var (tagCuda, _) = CogResolver.CudaFromLocalTag(requested);
        if (tagCuda.Length > 0 && !_table.TorchAll.Any(row => (package == "torch" ? row.TorchVersion : row.TorchvisionVersion) == plain && row.Cuda == tagCuda))
        {
            var known = _table.TorchAll.Where(row => (package == "torch" ? row.TorchVersion : row.TorchvisionVersion) == plain)
                .Select(row => row.Cuda is null ? "cpu" : "cu" + row.Cuda.Replace(".", string.Empty, StringComparison.Ordinal)).Distinct().ToList();
            Add(CogFindingKind.LocalTagUnknownBuild, DiagnosticSeverity.Warning, line, tagSpan.Item1, tagSpan.Item2,
                $"Cog's table has no {package} {plain} build for CUDA {tagCuda} (+{tag}); {(known.Count > 0 ? "builds it knows: " + string.Join(", ", known) : "it does not know this release")}.");
        }

        if (tagCuda.Length > 0 && !_config.Gpu)
        {
            Add(CogFindingKind.LocalTagContradictsConfig, DiagnosticSeverity.Warning, line, tagSpan.Item1, tagSpan.Item2,
                $"+{tag} is a CUDA build but cog.yaml has gpu: false: the image has no CUDA. Pin {package}=={plain} (Cog picks the CPU build) or set gpu: true.");
        }
        else if (tag == "cpu" && _config.Gpu)
        {
            Add(CogFindingKind.LocalTagContradictsConfig, DiagnosticSeverity.Warning, line, tagSpan.Item1, tagSpan.Item2,
                $"+cpu asks for a CPU build but cog.yaml has gpu: true; Cog ignores the tag and installs a CUDA build.");
        }
        else if (tagCuda.Length > 0 && _config.Gpu && _config.Cuda is { Length: > 0 } yamlCuda && !CogVersion.EqualMinor(tagCuda, yamlCuda))
        {
            Add(CogFindingKind.LocalTagContradictsConfig, DiagnosticSeverity.Warning, line, tagSpan.Item1, tagSpan.Item2,
                $"+{tag} asks for CUDA {tagCuda} but cog.yaml sets cuda: \"{yamlCuda}\".");
        }

        if (_config.Gpu && r.InstalledVersion is not null)
        {
            if (r.InstalledVersion == requested)
            {
                Add(CogFindingKind.QualifiedPinKept, DiagnosticSeverity.Information, line, 0, line.Text.Length,
                    $"{package}=={requested} is installed as that exact build{index}: Cog writes `{r.Output}` and adds the index that holds it ({r.Reason}).");
            }
            else
            {
                Add(CogFindingKind.QualifiedPinTagReplaced, DiagnosticSeverity.Warning, line, tagSpan.Item1, tagSpan.Item2,
                    $"Cog drops the +{tag} tag: it writes `{r.Output}` and pip installs {package} {r.InstalledVersion}{index} ({r.Reason}).");
            }
        }
        else if (r.Output == line.Text)
        {
            // Decided once every line is resolved: another line's rewrite may add the index this pin needs.
            _verbatimTagged.Add((line, package, requested, tag, plain));
        }
    }

    /// <summary>
    /// A pin with a local tag that Cog passes on verbatim is found only where some index holds that build.
    /// Index options apply to the whole generated file, so an index Cog adds for another line counts too.
    /// </summary>
    private void AddVerbatimTagFindings()
    {
        var generatedIndexes = _lines.SelectMany(l => l.ExtraIndexUrls.Concat(l.FindLinks)).ToList();
        foreach (var (line, package, requested, tag, plain) in _verbatimTagged)
        {
            var userIndex = _input.Any(l => l.Text.StartsWith("--extra-index-url", StringComparison.Ordinal) || l.Text.StartsWith("--index-url", StringComparison.Ordinal)
                || l.Text.StartsWith("-i", StringComparison.Ordinal) || l.Text.StartsWith("-f", StringComparison.Ordinal) || l.Text.StartsWith("--find-links", StringComparison.Ordinal));
            var tagIndex = generatedIndexes.FirstOrDefault(u => u.TrimEnd('/').EndsWith("/" + tag, StringComparison.Ordinal));
            if (tagIndex is not null)
            {
                Add(CogFindingKind.QualifiedPinKept, DiagnosticSeverity.Information, line, 0, line.Text.Length,
                    $"{package}=={requested} is installed exactly as written: Cog adds no index for a pin with a local tag, but pip finds this build on {tagIndex}, which Cog adds for another line (index options apply to the whole file).");
            }
            else if (userIndex)
            {
                Add(CogFindingKind.QualifiedPinKept, DiagnosticSeverity.Information, line, 0, line.Text.Length,
                    $"{package}=={requested} is installed exactly as written: Cog adds no index URL for a pin with a local tag.");
            }
            else
            {
                Add(CogFindingKind.QualifiedPinKept, DiagnosticSeverity.Warning, line, 0, line.Text.Length,
                    $"{package}=={requested} is passed on exactly as written, and Cog adds no index URL for it: PyPI has no +{tag} builds, so pip will not find it. Add `--extra-index-url https://download.pytorch.org/whl/{tag}` or pin {package}=={plain}.");
            }
        }
    }

    private string? PythonMinor() => CogVersion.TryParse(PythonVersion.Trim()) is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v.Major}.{v.Minor}") : null;

    // ---- Findings about Cog's reading of the file, independent of resolution.

    private void AddReaderFindings()
    {
        if (_read is null || _source is null)
        {
            return;
        }

        foreach (var (_, _, span) in _read.CommentContinuations)
        {
            if (span.Length > 0 && !string.IsNullOrWhiteSpace(_source.ToString(span)))
            {
                AddAt(CogFindingKind.CommentContinuationSwallowsLine, DiagnosticSeverity.Warning, span,
                    "Cog joins this line to the comment above (it ends in `\\`) and ignores it; pip does not continue comments and installs it. Remove the trailing `\\` from the comment.", null);
            }
        }

        foreach (var editable in _read.EditableSelfLines)
        {
            AddAt(CogFindingKind.EditableSelf, DiagnosticSeverity.Information, editable.TextSpan,
                "Cog removes `-e .` from the requirements it installs (the project is copied into the image instead).", null);
        }

        foreach (var line in _read.Lines)
        {
            if (line.CommentIndex > 0 && !char.IsWhiteSpace(line.TextBeforeCommentCut[line.CommentIndex - 1]))
            {
                var cut = line.TextBeforeCommentCut[line.CommentIndex..];
                var span = line.SourceSpan(line.CommentIndex, cut.Length);
                string? fix = null;
                var message = $"Cog cuts this line at '#' and installs `{line.Text}`; pip keeps `{cut}` (a comment needs a space before '#').";
                if (cut.StartsWith("#egg=", StringComparison.Ordinal) && cut.Length > 5)
                {
                    fix = cut[5..].Split('&')[0] + " @ " + line.Text;
                    message += $" Write `{fix}` instead.";
                }

                AddAt(CogFindingKind.HashCutsLine, DiagnosticSeverity.Warning, fix is null ? span : line.SourceSpan(0, line.TextBeforeCommentCut.Length), message, fix);
            }

            if (line.Text == "-e ." || (line.Text.StartsWith("-e", StringComparison.Ordinal) && line.Text[2..].Trim() == "."))
            {
                AddAt(CogFindingKind.EditableSelf, DiagnosticSeverity.Warning, line.SourceSpan(0, line.TextBeforeCommentCut.Length),
                    "Cog keeps this `-e .` (it removes only a bare `-e .` without a comment), so pip in the image tries to install the directory it runs in. Remove the comment or the line.", "-e .");
            }
        }
    }

    private void AddParserFindings(CogLogicalLine line)
    {
        var text = line.Text;
        if (CogRequirementSyntax.IsLocalArtifactOrRefused(text))
        {
            var (_, _, error) = CogRequirementSyntax.ParseLocalArtifact(text);
            if (error is not null && UsesFile)
            {
                Add(CogFindingKind.LocalRequirementRefused, DiagnosticSeverity.Error, line, 0, text.Length, "Cog refuses this line: " + error);
            }

            return;
        }

        if (text.StartsWith("-c", StringComparison.Ordinal) || text.StartsWith("--constraint", StringComparison.Ordinal))
        {
            var value = text.StartsWith("--constraint", StringComparison.Ordinal) ? text[12..].TrimStart('=', ' ', '\t') : text[2..].Trim();
            if (value.Length > 0 && !CogRequirementSyntax.IsRemoteRequirement(value))
            {
                Add(CogFindingKind.ConstraintFileNotShipped, DiagnosticSeverity.Error, line, 0, text.Length,
                    $"Cog passes this line on but copies only the requirements it generates into the image, so pip cannot open `{value}` there. Put the constraints into this file as pins.");
            }

            return;
        }

        var name = CogRequirementSyntax.PackageName(text);
        var bareName = name.Split('[')[0];
        var lower = bareName.ToLowerInvariant();
        var pinned = CogRequirementSyntax.SplitPinned(text);

        if (Frameworks.Contains(lower) && bareName != lower)
        {
            Add(CogFindingKind.CaseSensitiveName, DiagnosticSeverity.Warning, line, 0, bareName.Length,
                $"Cog matches `{lower}` case-sensitively: `{bareName}` is not rewritten to a CUDA/CPU build and does not decide CUDA. Write `{lower}`.", lower);
        }
        else if (Frameworks.Contains(bareName) && name.Length > bareName.Length && text.Contains("==", StringComparison.Ordinal))
        {
            Add(CogFindingKind.ExtrasDisableRewrite, DiagnosticSeverity.Warning, line, 0, name.Length,
                $"Cog does not recognise `{name}` as {bareName}: with extras the pin is not rewritten to a CUDA/CPU build and does not decide CUDA.");
        }
        else if (Frameworks.Contains(bareName) && name == bareName && pinned is null)
        {
            var versions = CogRequirementSyntax.Versions(text);
            var rest = text[name.Length..].TrimStart();
            if (versions.Length > 0 && rest.StartsWith("==", StringComparison.Ordinal) && !rest.Contains(',', StringComparison.Ordinal) && !rest.StartsWith("===", StringComparison.Ordinal))
            {
                var fix = name + "==" + rest[2..].Trim();
                Add(CogFindingKind.SpacedPinNotRewritten, DiagnosticSeverity.Warning, line, 0, text.Length,
                    $"Cog rewrites only `{name}==VERSION` written without spaces: this pin is installed from PyPI as written, yet Cog still reads {versions[0]} from it{(bareName == "tensorflow" ? string.Empty : " to choose CUDA")}. Write `{fix}`.", fix);
            }
            else if (versions.Length > 0)
            {
                var (start, length) = CogRequirementSyntax.FirstVersionSpan(text);
                Add(CogFindingKind.RangeNotRewritten, DiagnosticSeverity.Warning, line, Math.Max(0, start), length,
                    $"Cog rewrites only exact `{name}==VERSION` pins: `{text}` is resolved by pip from PyPI, but Cog reads `{versions[0]}`, the first version in the line, as if it were the pin{(_config.Gpu && bareName != "torchvision" ? " and chooses CUDA from it" : string.Empty)}.");
            }
        }

        if (pinned is null)
        {
            if (Frameworks.Contains(name) && CogRequirementSyntax.Versions(text).Length == 0)
            {
                var companion = name == "torch" ? "torchvision" : name == "torchvision" ? "torch" : null;
                if (companion is not null && _input.Any(l => CogRequirementSyntax.SplitPinned(l.Text)?.Name == companion))
                {
                    Add(CogFindingKind.CompanionPinMismatch, DiagnosticSeverity.Warning, line, 0, text.Length,
                        $"{name} is not pinned while {companion} is: Cog rewrites only the pinned one, and pip may pick a {name} that does not match it. Pin {name} to the matching release.");
                }
            }

            return;
        }

        var rebuilt = pinned.Name + "==" + pinned.Version;
        if (pinned.NameStart > 0 && text[pinned.NameStart - 1] == '.' && name.Length > 0 && name.Split('[')[0].EndsWith("." + pinned.Name, StringComparison.Ordinal))
        {
            var fix = name.Split('[')[0].Replace('.', '-');
            Add(CogFindingKind.DottedNameTruncated, DiagnosticSeverity.Warning, line, 0, pinned.NameStart + pinned.Name.Length,
                $"Cog reads this as `{rebuilt}` and writes that line: its parser drops everything up to the last '.' of the name, so pip installs the package `{pinned.Name}`. Write `{fix}` (the same project for pip, with '-' for '.').", fix);
        }
        else if (pinned.ExtraIndexUrls.Length == 0 && pinned.FindLinks.Length == 0)
        {
            var end = pinned.VersionStart + pinned.Version.Length;
            var dropped = text[end..].Trim();
            if (dropped.Length > 0 || pinned.NameStart > 0)
            {
                var start = dropped.Length > 0 ? end : 0;
                var length = dropped.Length > 0 ? text.Length - end : pinned.NameStart;
                var droppedText = dropped.Length > 0 ? dropped : text[..pinned.NameStart].Trim();
                var isIndex = droppedText.Contains("--extra-index-url", StringComparison.Ordinal) || droppedText.Contains("--index-url", StringComparison.Ordinal) || droppedText.StartsWith("-i", StringComparison.Ordinal);
                Add(isIndex ? CogFindingKind.IndexOptionChangesRewrite : CogFindingKind.PinRebuiltDropsParts, DiagnosticSeverity.Warning, line, start, length,
                    isIndex
                        ? $"Cog rebuilds this line as `{rebuilt}` and drops `{droppedText}`: its parser only sees `--extra-index-url=URL` (with '='). Write the option with '=' or on its own line."
                        : $"Cog rebuilds this line as `{rebuilt}` and drops `{droppedText}` (its parser keeps only name==version): the marker, hash or option does not reach pip.");
            }
        }
        else if (Frameworks.Contains(pinned.Name) && pinned.ExtraIndexUrls.Length > 0)
        {
            Add(CogFindingKind.IndexOptionChangesRewrite, DiagnosticSeverity.Information, line, 0, text.Length,
                $"This line names its own index, so Cog does not choose a {pinned.Name} build: it writes `{rebuilt}` and moves `--extra-index-url {pinned.ExtraIndexUrls[0]}` to the top.");
        }
    }

    /// <summary>Index options on their own lines change which build pip picks among Cog's added index and theirs.</summary>
    private void AddIndexLineFindings()
    {
        var chosen = _lines.Where(l => l.Package is "torch" or "torchvision" && l.TorchRow is not null).ToList();
        if (chosen.Count == 0)
        {
            return;
        }

        var cogIndex = chosen.SelectMany(l => l.ExtraIndexUrls).Select(u => "`--extra-index-url " + u + "`").FirstOrDefault() ?? "PyPI";

        foreach (var line in _input)
        {
            var text = line.Text;
            var option = new[] { "--extra-index-url", "--index-url", "-i", "--find-links", "-f" }.FirstOrDefault(o => text.StartsWith(o, StringComparison.Ordinal));
            if (option is null || CogRequirementSyntax.SplitPinned(text) is not null)
            {
                continue;
            }

            Add(CogFindingKind.IndexOptionChangesRewrite, DiagnosticSeverity.Warning, line, 0, text.Length,
                $"pip also searches this {(option is "--find-links" or "-f" ? "location" : "index")} for torch: besides {cogIndex}, where Cog expects {chosen[0].Package} {chosen[0].InstalledVersion}, pip takes the highest version it finds in either, which may be a different build (another +cuXYZ) than the one Cog chose.");
        }
    }

    // ---- helpers

    private CogFinding Add(CogFindingKind kind, DiagnosticSeverity severity, CogLogicalLine line, int start, int length, string message, string? fix = null)
    {
        var span = line.SourceSpan(start, length);
        var finding = new CogFinding(kind, severity, line.FromPythonPackages ? line.Index : LineOf(span.Start), line.FromPythonPackages ? span.Start : Column(span), span, message)
        {
            Fix = fix,
            InPythonPackages = line.FromPythonPackages,
        };
        _findings.Add(finding);
        return finding;
    }

    private CogFinding AddAt(CogFindingKind kind, DiagnosticSeverity severity, TextSpan span, string message, string? fix)
    {
        var finding = new CogFinding(kind, severity, LineOf(span.Start), Column(span), span, message) { Fix = fix };
        _findings.Add(finding);
        return finding;
    }

    private int LineOf(int offset) => _source?.GetLineIndex(offset) ?? 0;

    private int Column(TextSpan span) => _source is null ? span.Start : span.Start - _source.GetLineStart(_source.GetLineIndex(span.Start));
}
