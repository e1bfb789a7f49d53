using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Handlers.TextSync;

/// <summary>textDocument/didClose: the file on disk is the truth again.</summary>
public sealed class DidCloseHandler : LspHandler<DidCloseTextDocumentParams, object?>
{
    public override string Method => Methods.DidClose;

    public override bool MutatesState => true;

    protected override Task<object?> ExecuteAsync(DidCloseTextDocumentParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.Uris.ToPath(parameters.TextDocument.Uri) is { } path)
        {
            context.State.Workspace = context.State.Workspace.WithClosedDocument(path).WithFilesChanged([path]);
        }

        return Task.FromResult<object?>(null);
    }
}
