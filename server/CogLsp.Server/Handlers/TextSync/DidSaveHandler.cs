using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Handlers.TextSync;

/// <summary>textDocument/didSave: the disk copy changed; forget the cached read so closed-file views of it are fresh.</summary>
public sealed class DidSaveHandler : LspHandler<DidSaveTextDocumentParams, object?>
{
    public override string Method => Methods.DidSave;

    public override bool MutatesState => true;

    protected override Task<object?> ExecuteAsync(DidSaveTextDocumentParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.Uris.ToPath(parameters.TextDocument.Uri) is { } path)
        {
            context.State.Workspace = context.State.Workspace.WithFilesChanged([path]);
        }

        return Task.FromResult<object?>(null);
    }
}
