using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;

namespace CogLsp.Analysis.Cog.Gpu;

/// <summary>REQ0530 on a requirements file's torch line and its twin COG0630 on a python_packages item.</summary>
public static class GpuDiagnostics
{
    public static readonly DiagnosticDescriptor NoKernelsForTargetGpu = new(
        "REQ0530", "no-kernels-for-target-gpu", "The torch wheel Cog installs has no kernels for a target GPU",
        "{0}", DiagnosticSeverity.Warning,
        "Cog picks CUDA from the torch pin without looking at the GPU the model will run on. A torch wheel without kernels for that GPU's compute capability builds fine, and then every CUDA call fails with \"no kernel image is available for execution on the device\". The targets come from `check --gpu`, the `cogLsp.targetGpus` setting, or, when neither names one, from nvidia-smi on this machine; the floors are cog doctor's GPU check (Cog 6110c912, pkg/doctor/gpu_compatibility.go): sm_90 needs torch 2.0.1 and CUDA 11.8, sm_100 and sm_120 need torch 2.7.0 and CUDA 12.8. Nothing is known below sm_90.",
        "torch==2.4.1   # target: B200", "torch==2.7.0", "Pin a torch release at or above the floor (the quick fix pins the lowest in Cog's table that clears it).");

    public static readonly DiagnosticDescriptor NoKernelsForTargetGpuInPythonPackages = NoKernelsForTargetGpu with { Id = "COG0630" };

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = [NoKernelsForTargetGpu, NoKernelsForTargetGpuInPythonPackages];
}
