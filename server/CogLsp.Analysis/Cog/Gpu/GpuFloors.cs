using System.Collections.Immutable;

namespace CogLsp.Analysis.Cog.Gpu;

/// <summary>
/// The floors of `cog doctor`'s GPU check, stated once. Provenance: Cog 6110c912
/// (6110c912377d4ded0f57165d305821a14a9a4418, v0.22.0 plus 5 commits), pkg/doctor/gpu_compatibility.go,
/// gpuFloors. Cog measured each floor by reading the kernel list of real wheels and bracketed it: the
/// named release has the kernels, the release before it does not. It knows no floor below sm_90, since
/// every wheel it probed already covered Turing, Ampere and Ada; a device below every row gets no finding.
/// A device takes the floor of the highest row it meets or exceeds (sm_89 runs sm_86 kernels; sm_120
/// gets nothing from sm_90).
/// </summary>
public static class GpuFloors
{
    public const string Provenance = "cog doctor's GPU check (Cog 6110c912, pkg/doctor/gpu_compatibility.go)";

    /// <summary>Highest first, as doctor's floorFor searches them.</summary>
    public static ImmutableArray<GpuFloor> All { get; } =
    [
        new(new ComputeCapability(12, 0), "2.7.0", "12.8", "Blackwell consumer (RTX 50xx)"),
        new(new ComputeCapability(10, 0), "2.7.0", "12.8", "Blackwell datacenter (B100/B200)"),
        new(new ComputeCapability(9, 0), "2.0.1", "11.8", "Hopper (H100)"),
    ];

    /// <summary>doctor's floorFor: the highest floor the device meets or exceeds, or null below every row.</summary>
    public static GpuFloor? For(ComputeCapability capability) => All.FirstOrDefault(f => capability >= f.From);

    /// <summary>
    /// doctor's evaluateGPUCompat: the floor a torch wheel (its exact version, local tag allowed, and the
    /// CUDA it was built for, null when unknown) fails for the device, or null when it runs there or
    /// nothing is known. Versions compare as Cog compares them (<see cref="CogVersion"/>), the local tag
    /// stripped so 2.7.0+cu128 meets 2.7.0; a CUDA that is unknown does not fail the floor.
    /// </summary>
    public static GpuFloor? Failed(ComputeCapability capability, string torchVersion, string? cuda)
    {
        if (For(capability) is not { } floor || string.IsNullOrEmpty(torchVersion))
        {
            return null;
        }

        var torchOk = CogVersion.GreaterOrEqual(CogVersion.StripModifier(torchVersion), floor.MinTorch);
        var cudaOk = string.IsNullOrEmpty(cuda) || CogVersion.GreaterOrEqual(cuda, floor.MinCuda);
        return torchOk && cudaOk ? null : floor;
    }
}
