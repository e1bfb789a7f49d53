using System.Collections.Immutable;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// Everything Cog 6110c912 decides when it turns cog.yaml and the requirements into the file it
/// installs: the final lines (index options first, then packages, cog/coglet removed), CUDA, cuDNN,
/// base image, Cog's warnings, its error (null when it would succeed) and one record per input line.
/// </summary>
public sealed record CogResolution
{
    private readonly ImmutableArray<string> _requirementLines = [];
    private readonly ImmutableArray<CogLineResolution> _lines = [];

    /// <summary>
    /// Set on a resolution spliced from an earlier one (<see cref="CogResolutionSplice"/>): its summary
    /// and findings are exact, and the per-line detail comes from a full run, made on first use (a run
    /// that throws is not remembered; the next reader runs it again).
    /// </summary>
    private Workspace.SharedComputation<CogResolution>? _details;

    /// <summary>The generated requirements file, line by line, as Cog writes it.</summary>
    public ImmutableArray<string> RequirementLines
    {
        get => _details is null ? _requirementLines : _details.GetValue().RequirementLines;
        init => _requirementLines = value;
    }

    public string? Cuda { get; init; }

    public string? Cudnn { get; init; }

    public CudaSource CudaSource { get; init; }

    /// <summary>The input line the CUDA was chosen from (torch/tensorflow pin), or -1.</summary>
    public int CudaSourceLine { get; init; } = -1;

    /// <summary>
    /// The image Cog builds on when it does not use its pre-built base: `nvidia/cuda:…` for a GPU
    /// build, `python:X.Y-slim` otherwise. When that is impossible but a pre-built base fits, the latter.
    /// </summary>
    public string? BaseImage { get; init; }

    /// <summary>Cog's pre-built base (r8.im/cog-base:…) when its table has one for this build; Cog uses it first if the registry has it.</summary>
    public string? CogBaseImage { get; init; }

    public ImmutableArray<CogMessage> Warnings { get; init; } = [];

    /// <summary>Cog's error text where Cog fails, else null.</summary>
    public string? Error { get; init; }

    /// <summary>The cog.yaml key the error is about ("build.cuda"…), or null.</summary>
    public string? ErrorKey { get; init; }

    /// <summary>The input line the error is about, or -1.</summary>
    public int ErrorLine { get; init; } = -1;

    /// <summary>Which step of Cog's stops with <see cref="Error"/>; <see cref="CogErrorKind.None"/> when it succeeds.</summary>
    public CogErrorKind ErrorKind { get; init; }

    /// <summary>True when the error came from Cog's cog.yaml validation (before any resolution).</summary>
    public bool ErrorIsValidation => ErrorKind is CogErrorKind.Validation or CogErrorKind.IncompatibleVersions;

    public ImmutableArray<CogLineResolution> Lines
    {
        get => _details is null ? _lines : _details.GetValue().Lines;
        init => _lines = value;
    }

    public ImmutableArray<CogFinding> Findings { get; init; } = [];

    /// <summary>True when the requirements came from python_packages.</summary>
    public bool FromPythonPackages { get; init; }

    /// <summary>The Python version Cog builds with (as written in cog.yaml).</summary>
    public string? PythonVersion { get; init; }

    public string TableCommit { get; init; } = "";

    public string TableDate { get; init; } = "";

    /// <summary>Cog's record of physical line <paramref name="index"/> (Cog numbers physical lines, not the logical lines of a requirements tree).</summary>
    public CogLineResolution? LineAt(int index) => Lines.FirstOrDefault(l => l.Index == index);

    /// <summary>This resolution with its per-line detail computed by <paramref name="fullRun"/> when first read.</summary>
    internal CogResolution WithDetailsFrom(Func<CogResolution> fullRun) =>
        this with { _details = new Workspace.SharedComputation<CogResolution>(_ => fullRun()) };
}
