using System.Collections.Immutable;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// One row of Cog's tensorflow table as Cog holds it after loading: CUDA cut to MAJOR.MINOR and
/// cuDNN to MAJOR (the form NVIDIA's image tags use). <see cref="RawCuda"/> and <see cref="RawCudnn"/>
/// keep the table's text.
/// </summary>
public sealed record TensorFlowCompatibility(
    string TensorFlow,
    string CpuPackage,
    string GpuPackage,
    string Cuda,
    string Cudnn,
    string RawCuda,
    string RawCudnn,
    ImmutableArray<string> Pythons);
