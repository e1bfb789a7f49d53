using CogLsp.Analysis.Features;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Handlers.Links;

/// <summary>textDocument/documentLink: include paths and python_requirements open the file; URLs open in the browser.</summary>
public sealed class DocumentLinkHandler : LspHandler<DocumentLinkParams, DocumentLink[]>, ICapabilityContributor
{
    public override string Method => Methods.DocumentLink;

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities.DocumentLinkProvider = new DocumentLinkOptions(false);

    protected override Task<DocumentLink[]> ExecuteAsync(DocumentLinkParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(parameters.TextDocument.Uri);
        if (document is null)
        {
            return Task.FromResult<DocumentLink[]>([]);
        }

        var feature = new FeatureContext(context.Workspace, document, cancellationToken);
        var converter = context.Converter;
        var links = context.Services.LinkProviders.Where(p => p.Kind == document.Kind)
            .SelectMany(p => p.GetLinks(feature))
            .Select(l => new DocumentLink(converter.ToRange(document.Text, l.Span), l.TargetPath is not null ? converter.ToUri(l.TargetPath) : l.TargetUri, l.Tooltip))
            .Where(l => l.Target is not null)
            .ToArray();
        return Task.FromResult(links);
    }
}
