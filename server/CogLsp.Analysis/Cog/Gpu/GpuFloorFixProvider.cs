using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Projects;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog.Gpu;

/// <summary>
/// REQ0530's fix: pin the lowest torch release in Cog's table whose wheel, as Cog resolves it for this
/// cog.yaml (its CUDA choice included), runs on every target. Each candidate is checked by resolving the
/// edited file, so the fix never offers a pin that still fails a floor (e.g. when build.cuda holds the
/// CUDA below the floor, no pin helps and nothing is offered). Only the version token is replaced; a
/// local tag goes with it, since Cog chooses the build. python_packages items get no fix (the diagnostic
/// names the floor).
/// </summary>
public sealed partial class GpuFloorFixProvider(ICogConfigProvider configs, CompatibilityTable? table = null) : ICodeFixProvider
{
    public ImmutableArray<string> FixableDiagnosticIds { get; } = [GpuDiagnostics.NoKernelsForTargetGpu.Id];

    public IEnumerable<CodeActionItem> GetFixes(CodeFixContext context)
    {
        var workspace = context.Workspace;
        var document = context.Document;
        var targets = workspace.Options.TargetGpus;
        var config = configs.FindConfigFor(workspace, document);
        if (targets.IsDefaultOrEmpty || config is null || context.Diagnostic.Span.End > document.Text.Length)
        {
            yield break;
        }

        var lineText = document.Text.ToString(context.Diagnostic.Span);
        if (VersionToken().Match(lineText) is not { Success: true } match)
        {
            yield break;
        }

        var before = CogResolutionCache.Get(workspace, config);
        if (TorchWheel.Of(before) is not { } wheel)
        {
            yield break;
        }

        var floors = GpuTargetAnalyzer.Failures(targets, wheel).Select(f => f.Floor).ToList();
        if (floors.Count == 0)
        {
            yield break;
        }

        var tableToUse = table ?? CompatibilityTable.Default;
        var candidates = tableToUse.Torch.Select(r => r.TorchVersion).Distinct(StringComparer.Ordinal)
            .Where(v => floors.All(f => CogVersion.GreaterOrEqual(v, f.MinTorch)))
            .OrderBy(v => CogVersion.TryParse(v) is { } p ? (p.Major, p.Minor, p.PatchOrZero) : (long.MaxValue, 0, 0));
        var versionSpan = new TextSpan(context.Diagnostic.Span.Start + match.Groups[1].Index, match.Groups[1].Length);
        foreach (var candidate in candidates)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var change = new TextChange(versionSpan, candidate);
            var after = CogResolver.ResolveText(config, document.Text.WithChanges([change]), workspace.Options.TargetOs, workspace.Options.TargetArch, tableToUse);
            if (after.Error is null && TorchWheel.Of(after) is { } fixedWheel && !GpuTargetAnalyzer.Failures(targets, fixedWheel).Any())
            {
                var names = string.Join(", ", targets.Select(t => t.Display).Distinct(StringComparer.Ordinal));
                yield return new CodeActionItem($"Pin torch=={candidate}, the lowest release in Cog's table that runs on {names}", CodeActionItem.QuickFix,
                    _ => new WorkspaceEditModel([new EditFileChange(document.Path, document.Version, [change])]))
                {
                    IsPreferred = true,
                };
                yield break;
            }
        }
    }

    /// <summary>The version after `==` in a requirement line.</summary>
    [GeneratedRegex(@"==\s*([^\s,;#\\]+)")]
    private static partial Regex VersionToken();
}
