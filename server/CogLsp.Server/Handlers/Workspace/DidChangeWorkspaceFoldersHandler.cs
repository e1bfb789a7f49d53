using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;

namespace CogLsp.Server.Handlers.Workspace;

/// <summary>workspace/didChangeWorkspaceFolders: keeps the set of roots (multi-root workspaces) current.</summary>
public sealed class DidChangeWorkspaceFoldersHandler : LspHandler<DidChangeWorkspaceFoldersParams, object?>, ICapabilityContributor
{
    public override string Method => Methods.DidChangeWorkspaceFolders;

    public override bool MutatesState => true;

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities.Workspace = new WorkspaceServerCapabilities(new WorkspaceFoldersServerCapabilities(true, true));

    protected override Task<object?> ExecuteAsync(DidChangeWorkspaceFoldersParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var folders = context.State.Folders;
        foreach (var removed in parameters.Event?.Removed ?? [])
        {
            folders.Remove(removed.Uri);
        }

        foreach (var added in parameters.Event?.Added ?? [])
        {
            if (context.Uris.ToPath(added.Uri) is { } path)
            {
                folders[added.Uri] = path;
            }
        }

        context.State.Workspace = context.State.Workspace.WithRoots(folders.Values);
        return Task.FromResult<object?>(null);
    }
}
