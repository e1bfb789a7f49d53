using System.Collections.Immutable;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// What Cog did with one input requirement: the line it read, the line it wrote (null when dropped),
/// the index options it added, and for torch/torchvision/tensorflow the table row it chose and why.
/// </summary>
public sealed record CogLineResolution
{
    /// <summary>0-based physical line in the requirements file, or the index in python_packages.</summary>
    public required int Index { get; init; }

    public required CogLogicalLine Line { get; init; }

    /// <summary>The span of the requirement in the requirements text (relative to the entry for python_packages).</summary>
    public TextSpan Span => Line.TextSpan;

    public required CogLineAction Action { get; init; }

    /// <summary>The line Cog writes into the generated requirements file, or null.</summary>
    public string? Output { get; init; }

    public ImmutableArray<string> ExtraIndexUrls { get; init; } = [];

    public ImmutableArray<string> FindLinks { get; init; } = [];

    /// <summary>The package name Cog's parser saw (may differ from pip's: dots, extras, case).</summary>
    public string? Package { get; init; }

    /// <summary>The version written in the file.</summary>
    public string? RequestedVersion { get; init; }

    /// <summary>The full version pip is expected to install, with its local tag (from Cog's table; inferred).</summary>
    public string? InstalledVersion { get; init; }

    /// <summary>The CUDA of the chosen build (null for CPU builds or when no row was chosen).</summary>
    public string? BuildCuda { get; init; }

    public TorchCompatibility? TorchRow { get; init; }

    public TensorFlowCompatibility? TensorFlowRow { get; init; }

    /// <summary>Why Cog wrote what it wrote, in words ("gpu: true, CUDA 11.3 chosen from the torch pin").</summary>
    public string? Reason { get; init; }

    public bool Changed => Output != Line.Text;
}
