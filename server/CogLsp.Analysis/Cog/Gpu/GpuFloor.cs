namespace CogLsp.Analysis.Cog.Gpu;

/// <summary>
/// The oldest torch release, built for at least this CUDA, whose wheel has kernels for every device of
/// compute capability <see cref="From"/> and above (up to the next floor). Both bounds matter: a new
/// torch built for an old CUDA lacks the new kernels too.
/// </summary>
public sealed record GpuFloor(ComputeCapability From, string MinTorch, string MinCuda, string Family);
