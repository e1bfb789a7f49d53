using CogLsp.Analysis.Features;
using CogLsp.Server.Conversion;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Syntax.Text;

namespace CogLsp.Server.Handlers.Symbols;

/// <summary>textDocument/documentSymbol: the outline as a tree of DocumentSymbol.</summary>
public sealed class DocumentSymbolHandler : LspHandler<DocumentSymbolParams, DocumentSymbol[]>, ICapabilityContributor
{
    public override string Method => Methods.DocumentSymbol;

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities.DocumentSymbolProvider = true;

    protected override Task<DocumentSymbol[]> ExecuteAsync(DocumentSymbolParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(parameters.TextDocument.Uri);
        if (document is null)
        {
            return Task.FromResult<DocumentSymbol[]>([]);
        }

        var feature = new FeatureContext(context.Workspace, document, cancellationToken);
        var converter = context.Converter;
        var symbols = context.Services.OutlineProviders.Where(p => p.Kind == document.Kind)
            .SelectMany(p => p.GetOutline(feature))
            .Select(item => ToSymbol(converter, document.Text, item))
            .ToArray();
        return Task.FromResult(symbols);
    }

    private static DocumentSymbol ToSymbol(LspConverter converter, SourceText text, OutlineItem item) =>
        new(string.IsNullOrEmpty(item.Name) ? "(empty)" : item.Name, ToKind(item.Kind), converter.ToRange(text, item.Span), converter.ToRange(text, item.SelectionSpan))
        {
            Detail = item.Detail,
            Children = item.Children.IsDefaultOrEmpty ? null : item.Children.Select(c => ToSymbol(converter, text, c)).ToArray(),
        };

    private static int ToKind(OutlineKind kind) => kind switch
    {
        OutlineKind.Section => 2,
        OutlineKind.Key => 7,
        OutlineKind.Package => 4,
        OutlineKind.Include => 1,
        OutlineKind.Option => 8,
        OutlineKind.Class => 5,
        _ => 13,
    };
}
