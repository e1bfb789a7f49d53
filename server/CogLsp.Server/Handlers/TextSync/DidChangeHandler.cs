using CogLsp.Analysis.Requirements;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Syntax.Text;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Handlers.TextSync;

/// <summary>
/// textDocument/didChange (incremental): applies each change to the result of the previous one, as
/// LSP orders them. Ranges past the end of a line or of the text are clamped. A change for a document
/// that was never opened is logged and ignored: there is no text to apply it to.
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
        var applied = new List<TextChange>();
        foreach (var change in parameters.ContentChanges ?? [])
        {
            if (change.Range is null)
            {
                text = SourceText.From(change.Text ?? string.Empty);
                applied.Clear();
                continue;
            }

            var span = converter.ToSpan(text, change.Range);
            text = text.WithChange(span, change.Text ?? string.Empty);
            applied.Add(new TextChange(span, change.Text ?? string.Empty));
        }

        var updated = workspace.WithOpenDocument(path, text, parameters.TextDocument.Version, document.Kind);
        if (applied.Count == parameters.ContentChanges?.Length)
        {
            // Requirements files re-parse only the lines the edit touched.
            RequirementsDocument.CarryOver(document, updated.OpenDocuments[path], applied);
        }

        context.State.Workspace = updated;
        return Task.FromResult<object?>(null);
    }
}
