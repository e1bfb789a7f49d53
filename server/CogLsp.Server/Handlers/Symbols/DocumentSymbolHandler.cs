using CogLsp.Analysis.Features;
using CogLsp.Server.Conversion;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;
using CogLsp.Syntax.Text;

namespace CogLsp.Server.Handlers.Symbols;

/// <summary>textDocument/documentSymbol: the outline as a tree of DocumentSymbol.</summary>
public sealed class DocumentSymbolHandler : DocumentFeatureHandler<DocumentSymbolParams, DocumentSymbol[]>, ICapabilityContributor
{
    public override string Method => Methods.DocumentSymbol;

    protected override DocumentSymbol[] Empty => [];

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities.DocumentSymbolProvider = true;

    protected override string UriOf(DocumentSymbolParams parameters) => parameters.TextDocument.Uri;

    protected override DocumentSymbol[] Handle(DocumentSymbolParams parameters, DocumentRequest request) =>
        request.Providers(request.Context.Services.OutlineProviders)
            .SelectMany(p => p.GetOutline(request.Feature))
            .Select(item => ToSymbol(request.Converter, request.Document.Text, item))
            .ToArray();

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
