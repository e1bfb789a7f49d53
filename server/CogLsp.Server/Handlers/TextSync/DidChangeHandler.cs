using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Syntax.Text;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Handlers.TextSync;

/// <summary>
/// textDocument/didChange (incremental): applies each change to the result of the previous one, as
/// LSP orders them. Ranges past the end of a line or of the text are clamped. A change for a document
/// that was never opened is logged and ignored: there is no text to apply it to. The handler only
/// applies edits: the new text remembers them, and a document kind that parses incrementally derives
/// its new tree from the old one on first use (see <see cref="Analysis.Workspace.Document.GetOrAddFromPredecessor{T}"/>).
/// </summary>
public sealed class DidChangeHandler : LspHandler<DidChangeTextDocumentParams, object?>
{
    public override string Method => Methods.DidChange;

    public override bool MutatesState => true;

    protected override Task<object?> ExecuteAsync(DidChangeTextDocumentParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var uri = parameters.TextDocument.Uri;
        var path = context.Uris.ToPath(uri);
        var workspace = context.State.Workspace;
        if (path is null || !workspace.OpenDocuments.TryGetValue(path, out var document))
        {
            context.Logger.LogWarning("didChange for a document that is not open, ignored: {Uri}", uri);
            return Task.FromResult<object?>(null);
        }

        var converter = context.Converter;
        var text = document.Text;
        foreach (var change in parameters.ContentChanges ?? [])
        {
            text = change.Range is null
                ? SourceText.From(change.Text ?? string.Empty)
                : text.WithChange(converter.ToSpan(text, change.Range), change.Text ?? string.Empty);
        }

        context.State.Workspace = workspace.WithOpenDocument(path, text, parameters.TextDocument.Version, document.Kind);
        return Task.FromResult<object?>(null);
    }
}
