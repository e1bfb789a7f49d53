namespace CogLsp.Analysis.Cog.Gpu;

/// <summary>
/// A GPU the model is meant to run on: as the user named it ("H100", "sm_90") or as found on this machine
/// (<see cref="Detected"/>: nvidia-smi's answer), with its compute capability.
/// </summary>
public sealed record GpuTarget(string Name, ComputeCapability Capability, bool Detected = false)
{
    /// <summary>"H100 (sm_90)", "sm_90", "this machine's GPU (sm_90)".</summary>
    public string Display =>
        Detected ? $"this machine's GPU ({Capability.SmName})"
        : string.Equals(Name, Capability.SmName, StringComparison.OrdinalIgnoreCase) ? Capability.SmName
        : $"{Name} ({Capability.SmName})";

    /// <summary>A GPU name from <see cref="GpuCatalog"/> or a raw capability ("sm_90", "9.0"); null when neither.</summary>
    public static GpuTarget? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (ComputeCapability.TryParse(text) is { } raw)
        {
            return new GpuTarget(raw.SmName, raw);
        }

        return GpuCatalog.Find(text) is { } known ? new GpuTarget(known.Name, known.Capability) : null;
    }
}
