using System.Collections.Immutable;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Cog.Gpu;

namespace CogLsp.Server.Session;

/// <summary>
/// What this machine says about itself, asked once (per server start, per `check` run): the compute
/// capabilities of its GPUs, as cog doctor asks nvidia-smi, and the installed cog's version. Each
/// program gets <see cref="Timeout"/>; one that is missing, fails or hangs leaves its part empty.
/// </summary>
public sealed record MachineProbe(ImmutableArray<GpuTarget> Gpus, string? CogVersion)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static MachineProbe Empty { get; } = new([], null);

    /// <param name="askGpus">False when the user named target GPUs, so nvidia-smi is not needed.</param>
    public static MachineProbe Run(IProcessRunner runner, bool askGpus)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var gpus = askGpus ? ParseComputeCaps(runner.Run("nvidia-smi", ["--query-gpu=compute_cap", "--format=csv,noheader"], Timeout)) : [];
        var cog = CogReleases.ParseVersionOutput(runner.Run("cog", ["--version"], Timeout));
        return new MachineProbe(gpus, cog);
    }

    /// <summary>doctor's parseComputeCapabilities: one "X.Y" per line, unreadable lines skipped, distinct, ascending.</summary>
    public static ImmutableArray<GpuTarget> ParseComputeCaps(string? output) =>
        output is null ? [] : [.. output.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Contains('.', StringComparison.Ordinal))
            .Select(ComputeCapability.TryParse)
            .OfType<ComputeCapability>()
            .Distinct()
            .Order()
            .Select(c => new GpuTarget(c.SmName, c, Detected: true))];

    /// <summary>The options analysis runs with: the user's targets when there are any, else this machine's GPUs; and the installed cog.</summary>
    public Analysis.AnalysisOptions ApplyTo(Analysis.AnalysisOptions options, ImmutableArray<GpuTarget> userTargets) =>
        options with { TargetGpus = userTargets.IsDefaultOrEmpty ? Gpus : userTargets, InstalledCogVersion = CogVersion };
}
