using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// One resolution per cog.yaml config per snapshot, shared by the analyzers, hovers and inlay hints.
/// The requirements text comes from the snapshot (open editor text wins over disk).
/// </summary>
public static class CogResolutionCache
{
    public static CogResolution Get(WorkspaceSnapshot workspace, CogBuildConfig config)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(config);
        return workspace.GetOrAdd(("cog-resolution", config), w =>
        {
            var path = config.RequirementsPath;
            var text = path is null ? null : w.GetDocument(path, DocumentKind.Requirements)?.Text.Text;
            return CogResolver.Resolve(config, text, w.Options.TargetOs, w.Options.TargetArch);
        });
    }
}
