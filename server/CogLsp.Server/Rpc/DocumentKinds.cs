using CogLsp.Analysis.Workspace;

namespace CogLsp.Server.Rpc;

/// <summary>Decides which analysis a document gets: by file name, or by a cog.yaml (or include) that names it.</summary>
public static class DocumentKinds
{
    public static Document? Resolve(WorkspaceSnapshot workspace, string path)
    {
        var document = workspace.GetDocument(path);
        if (document is null || document.Kind != DocumentKind.Unknown)
        {
            return document;
        }

        var kind = CogProjectLocator.KindOf(workspace, document.Path);
        return kind == DocumentKind.Unknown ? document : document.WithKind(kind);
    }
}
