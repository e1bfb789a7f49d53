using CogLsp.Analysis.Features;
using CogLsp.Server.Conversion;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Handlers.Completion;

/// <summary>textDocument/completion: proposals of every provider for the document's kind, each replacing the word being typed.</summary>
public sealed class CompletionHandler : LspHandler<CompletionParams, CompletionList>, ICapabilityContributor
{
    public override string Method => Methods.Completion;

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities.CompletionProvider = new CompletionOptions(["-", "=", ":", " ", "<", ">", "~", "!"], ResolveProvider: false);

    protected override Task<CompletionList> ExecuteAsync(CompletionParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(parameters.TextDocument.Uri);
        if (document is null)
        {
            return Task.FromResult(new CompletionList(false, []));
        }

        var converter = context.Converter;
        var offset = converter.ToOffset(document.Text, parameters.Position);
        var feature = new FeatureContext(context.Workspace, document, cancellationToken);
        var snippets = context.State.Client.SupportsSnippets;
        var items = context.Services.CompletionProviders.Where(p => p.Kind == document.Kind)
            .SelectMany(p => p.GetCompletions(feature, offset))
            .Select(i => new Protocol.CompletionItem(i.Label)
            {
                Kind = ToKind(i.Kind),
                Detail = i.Detail,
                Documentation = i.DocumentationMarkdown is null ? null : MarkupContent.Markdown(i.DocumentationMarkdown),
                SortText = i.SortText,
                FilterText = i.FilterText,
                InsertTextFormat = i.IsSnippet && snippets ? 2 : 1,
                TextEdit = new TextEdit(
                    converter.ToRange(document.Text, i.ReplaceSpan),
                    i.IsSnippet && !snippets ? SnippetText.ToPlainText(i.InsertText ?? i.Label) : i.InsertText ?? i.Label),
                Tags = i.Deprecated ? [1] : null,
            })
            .ToArray();
        return Task.FromResult(new CompletionList(false, items));
    }

    private static int ToKind(CompletionKind kind) => kind switch
    {
        CompletionKind.Keyword => 14,
        CompletionKind.Property => 10,
        CompletionKind.Value => 12,
        CompletionKind.Module => 9,
        CompletionKind.Constant => 21,
        CompletionKind.Snippet => 15,
        CompletionKind.File => 17,
        _ => 1,
    };
}
