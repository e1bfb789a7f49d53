using System.Runtime.CompilerServices;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// One resolution per cog.yaml config per snapshot, shared by the analyzers, hovers and inlay hints.
/// The requirements text comes from the snapshot (open editor text wins over disk). Across snapshots,
/// the latest resolution of each config is remembered, so the next one can be spliced from it when
/// only a few plain lines changed (<see cref="CogResolutionSplice"/>).
/// </summary>
public static class CogResolutionCache
{
    private static readonly ConditionalWeakTable<CogBuildConfig, Latest> LatestByConfig = [];

    public static CogResolution Get(WorkspaceSnapshot workspace, CogBuildConfig config)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(config);
        return workspace.GetOrAdd(("cog-resolution", config), w =>
        {
            var path = config.RequirementsPath;
            var text = path is null ? null : w.GetDocument(path, DocumentKind.Requirements)?.Text;
            return Resolve(config, text, w.Options.TargetOs, w.Options.TargetArch);
        });
    }

    private static CogResolution Resolve(CogBuildConfig config, SourceText? text, string os, string arch)
    {
        var table = CompatibilityTable.Default;
        CogResolution? resolution = null;
        if (text is not null && LatestByConfig.TryGetValue(config, out var latest) && latest.Os == os && latest.Arch == arch && latest.Text is not null)
        {
            resolution = CogResolutionSplice.TrySplice(latest.Resolution, latest.Text, text, config, os, arch, table);
        }

        resolution ??= CogResolver.ResolveText(config, text, os, arch, table);
        LatestByConfig.AddOrUpdate(config, new Latest(os, arch, text, resolution));
        return resolution;
    }

    private sealed record Latest(string Os, string Arch, SourceText? Text, CogResolution Resolution);
}
