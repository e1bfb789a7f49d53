using CogLsp.Analysis.Features;
using CogLsp.Server.Conversion;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;

namespace CogLsp.Server.Handlers.Completion;

/// <summary>textDocument/completion: proposals of every provider for the document's kind, each replacing the word being typed.</summary>
public sealed class CompletionHandler : DocumentFeatureHandler<CompletionParams, CompletionList>, ICapabilityContributor
{
    public override string Method => Methods.Completion;

    protected override CompletionList Empty => new(false, []);

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities.CompletionProvider = new CompletionOptions(["-", "=", ":", " ", "<", ">", "~", "!"], ResolveProvider: false);

    protected override string UriOf(CompletionParams parameters) => parameters.TextDocument.Uri;

    protected override CompletionList Handle(CompletionParams parameters, DocumentRequest request)
    {
        var text = request.Document.Text;
        var converter = request.Converter;
        var offset = converter.ToOffset(text, parameters.Position);
        var snippets = request.Context.State.Client.SupportsSnippets;
        var items = request.Providers(request.Context.Services.CompletionProviders)
            .SelectMany(p => p.GetCompletions(request.Feature, offset))
            .Select(i => new Protocol.CompletionItem(i.Label)
            {
                Kind = ToKind(i.Kind),
                Detail = i.Detail,
                Documentation = i.DocumentationMarkdown is null ? null : MarkupContent.Markdown(i.DocumentationMarkdown),
                SortText = i.SortText,
                FilterText = i.FilterText,
                InsertTextFormat = i.IsSnippet && snippets ? 2 : 1,
                TextEdit = new TextEdit(
                    converter.ToRange(text, i.ReplaceSpan),
                    i.IsSnippet && !snippets ? SnippetText.ToPlainText(i.InsertText ?? i.Label) : i.InsertText ?? i.Label),
                Tags = i.Deprecated ? [1] : null,
            })
            .ToArray();
        return new CompletionList(false, items);
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
