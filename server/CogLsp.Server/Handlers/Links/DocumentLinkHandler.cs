using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;

namespace CogLsp.Server.Handlers.Links;

/// <summary>textDocument/documentLink: include paths and python_requirements open the file; URLs open in the browser.</summary>
public sealed class DocumentLinkHandler : DocumentFeatureHandler<DocumentLinkParams, DocumentLink[]>, ICapabilityContributor
{
    public override string Method => Methods.DocumentLink;

    protected override DocumentLink[] Empty => [];

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities.DocumentLinkProvider = new DocumentLinkOptions(false);

    protected override string UriOf(DocumentLinkParams parameters) => parameters.TextDocument.Uri;

    protected override DocumentLink[] Handle(DocumentLinkParams parameters, DocumentRequest request)
    {
        var converter = request.Converter;
        return request.Providers(request.Context.Services.LinkProviders)
            .SelectMany(p => p.GetLinks(request.Feature))
            .Select(l => new DocumentLink(converter.ToRange(request.Document.Text, l.Span), l.TargetPath is not null ? converter.ToUri(l.TargetPath) : l.TargetUri, l.Tooltip))
            .Where(l => l.Target is not null)
            .ToArray();
    }
}
