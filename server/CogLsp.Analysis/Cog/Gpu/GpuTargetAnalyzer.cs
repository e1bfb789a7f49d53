using System.Collections.Immutable;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog.Gpu;

/// <summary>
/// REQ0530 / COG0630: the torch wheel a GPU build installs lacks kernels for a target GPU, as cog doctor's
/// GPU check decides it (<see cref="GpuFloors"/>), but for the targets the user names instead of only the
/// machine's own GPU. One diagnostic per failing compute capability, naming every target that has it, on
/// the first torch line (the one Cog's check reads): in the requirements file, or on the python_packages
/// item. Tensorflow is not judged: doctor's floors are torch releases, and no bracketed data exists for
/// tensorflow wheels. CPU builds are not judged either (no CUDA in the image), as in doctor.
/// </summary>
public sealed class GpuTargetAnalyzer(ICogConfigProvider configs, DocumentKind kind) : IDiagnosticAnalyzer
{
    public DocumentKind Kind => kind;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [kind == DocumentKind.CogYaml ? GpuDiagnostics.NoKernelsForTargetGpuInPythonPackages : GpuDiagnostics.NoKernelsForTargetGpu];

    public void Analyze(AnalysisContext context)
    {
        var targets = context.Workspace.Options.TargetGpus;
        if (targets.IsDefaultOrEmpty)
        {
            return;
        }

        var config = kind == DocumentKind.CogYaml
            ? configs.ReadConfig(context.Workspace, context.Document)
            : configs.FindConfigFor(context.Workspace, context.Document);
        if (config is null || !config.Gpu || (kind == DocumentKind.Requirements && config.PythonRequirements is null))
        {
            return;
        }

        var resolution = CogResolutionCache.Get(context.Workspace, config);
        if (resolution.FromPythonPackages != (kind == DocumentKind.CogYaml) || TorchWheel.Of(resolution) is not { } wheel || SpanOf(context, config, wheel.Line) is not { } span)
        {
            return;
        }

        foreach (var (floor, failing) in Failures(targets, wheel))
        {
            context.Report(Diagnostic.Create(SupportedDiagnostics[0], context.Document.Path, span, Message(wheel, floor, failing)));
        }
    }

    /// <summary>Each floor the wheel fails, with the targets (grouped by capability, ascending) that fail it.</summary>
    public static IEnumerable<(GpuFloor Floor, ImmutableArray<GpuTarget> Targets)> Failures(ImmutableArray<GpuTarget> targets, TorchWheel wheel) =>
        targets.GroupBy(t => t.Capability).OrderBy(g => g.Key)
            .Select(g => (Floor: GpuFloors.Failed(g.Key, wheel.Version, wheel.Cuda), Targets: g.ToImmutableArray()))
            .Where(f => f.Floor is not null)
            .Select(f => (f.Floor!, f.Targets));

    public static string Message(TorchWheel wheel, GpuFloor floor, ImmutableArray<GpuTarget> targets)
    {
        var sm = targets[0].Capability.SmName;
        var names = string.Join(", ", targets.Select(t => t.Detected ? "this machine's GPU" : t.Name).Distinct(StringComparer.OrdinalIgnoreCase));
        var who = names == sm ? sm : $"{names} ({sm})";
        return $"torch {wheel.Version} (CUDA {wheel.Cuda ?? "unset"}) has no kernels for {who}: the image builds, but every CUDA call on that GPU fails with \"no kernel image is available for execution on the device\". {sm} needs torch >= {floor.MinTorch} built for CUDA >= {floor.MinCuda} (cog doctor's floor).";
    }

    /// <summary>The torch line's span in this document: the requirement, or the text inside the python_packages item.</summary>
    private static TextSpan? SpanOf(AnalysisContext context, CogBuildConfig config, CogLineResolution line)
    {
        var length = context.Document.Text.Length;
        if (!line.Line.FromPythonPackages)
        {
            return line.Span.End <= length ? line.Span : null;
        }

        if (config.PythonPackageSpans.IsDefaultOrEmpty || line.Index >= config.PythonPackageSpans.Length)
        {
            return null;
        }

        var entry = config.PythonPackageSpans[line.Index];
        var items = PythonPackageItems.Get(context.Document);
        if (line.Index < items.Length && items[line.Index].Node.Span == entry)
        {
            return items[line.Index].Map.Map(line.Span);
        }

        return entry.End <= length ? entry : null;
    }
}
