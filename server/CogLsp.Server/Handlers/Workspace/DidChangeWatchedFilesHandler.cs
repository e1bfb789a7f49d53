using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Handlers.Workspace;

/// <summary>workspace/didChangeWatchedFiles: forget what was read from disk for the changed files, so the next analysis reads them again.</summary>
public sealed class DidChangeWatchedFilesHandler : LspHandler<DidChangeWatchedFilesParams, object?>
{
    public override string Method => Methods.DidChangeWatchedFiles;

    public override bool MutatesState => true;

    protected override Task<object?> ExecuteAsync(DidChangeWatchedFilesParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var paths = (parameters.Changes ?? []).Select(c => context.Uris.ToPath(c.Uri)).OfType<string>().ToList();
        if (paths.Count > 0)
        {
            context.State.Workspace = context.State.Workspace.WithFilesChanged(paths);
        }

        return Task.FromResult<object?>(null);
    }
}
