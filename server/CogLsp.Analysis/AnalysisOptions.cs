using System.Collections.Immutable;
using CogLsp.Analysis.Cog.Gpu;
using CogLsp.Analysis.Diagnostics;

namespace CogLsp.Analysis;

/// <summary>User settings that change analysis results (the `cogLsp` configuration section, or CLI flags).</summary>
public sealed record AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    /// <summary>Per-rule severity overrides by ID; a null value turns the rule off.</summary>
    public ImmutableDictionary<string, DiagnosticSeverity?> SeverityOverrides { get; init; } =
        ImmutableDictionary<string, DiagnosticSeverity?>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    public bool InlayHints { get; init; } = true;

    /// <summary>The platform Cog builds for (`--os`/`--arch` in the CLI); Cog's default is linux/amd64.</summary>
    public string TargetOs { get; init; } = "linux";

    public string TargetArch { get; init; } = "amd64";

    /// <summary>Whether and where package indexes are read (`cogLsp.index.*`, `check --online`).</summary>
    public PackageIndexSettings PackageIndex { get; init; } = PackageIndexSettings.Default;
    /// <summary>
    /// The GPUs the model is meant to run on (`check --gpu`, the `cogLsp.targetGpus` setting, or, when
    /// neither names one, the GPUs nvidia-smi reports on this machine). Empty: no GPU check.
    /// </summary>
    public ImmutableArray<GpuTarget> TargetGpus { get; init; } = [];

    /// <summary>The version `cog --version` printed on this machine ("0.17.2"), or null when cog is not installed or said nothing we could read.</summary>
    public string? InstalledCogVersion { get; init; }

    /// <summary>The severity a diagnostic of <paramref name="descriptor"/> gets, or null when the user turned the rule off.</summary>
    public DiagnosticSeverity? EffectiveSeverity(DiagnosticDescriptor descriptor, DiagnosticSeverity reported) =>
        SeverityOverrides.TryGetValue(descriptor.Id, out var overridden) ? overridden : reported;
}
