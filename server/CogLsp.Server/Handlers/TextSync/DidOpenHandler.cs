using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;
using CogLsp.Syntax.Text;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Handlers.TextSync;

/// <summary>textDocument/didOpen: the editor's text of a document now wins over the disk.</summary>
public sealed class DidOpenHandler : LspHandler<DidOpenTextDocumentParams, object?>, ICapabilityContributor
{
    public override string Method => Methods.DidOpen;

    public override bool MutatesState => true;

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities.TextDocumentSync = new TextDocumentSyncOptions(OpenClose: true, Change: 2, Save: new SaveOptions(IncludeText: false));

    protected override Task<object?> ExecuteAsync(DidOpenTextDocumentParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var item = parameters.TextDocument;
        var path = context.Uris.ToPath(item.Uri);
        if (path is null)
        {
            context.Logger.LogDebug("Not a file URI, not analysed: {Uri}", item.Uri);
            return Task.FromResult<object?>(null);
        }

        context.State.Workspace = context.State.Workspace.WithOpenDocument(path, SourceText.From(item.Text ?? string.Empty), item.Version);
        return Task.FromResult<object?>(null);
    }
}
