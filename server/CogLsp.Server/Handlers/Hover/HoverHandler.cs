using CogLsp.Analysis.Features;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;

namespace CogLsp.Server.Handlers.Hover;

/// <summary>textDocument/hover: every provider for the document's kind may contribute; their texts are joined with a rule.</summary>
public sealed class HoverHandler : DocumentFeatureHandler<HoverParams, Protocol.Hover?>, ICapabilityContributor
{
    public override string Method => Methods.Hover;

    protected override Protocol.Hover? Empty => null;

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities.HoverProvider = true;

    protected override string UriOf(HoverParams parameters) => parameters.TextDocument.Uri;

    protected override Protocol.Hover? Handle(HoverParams parameters, DocumentRequest request)
    {
        var text = request.Document.Text;
        var offset = request.Converter.ToOffset(text, parameters.Position);
        var results = request.Providers(request.Context.Services.HoverProviders)
            .Select(p => p.GetHover(request.Feature, offset)).OfType<HoverResult>().ToList();
        if (results.Count == 0)
        {
            return null;
        }

        var markdown = string.Join("\n\n---\n\n", results.Select(r => r.Markdown));
        return new Protocol.Hover(MarkupContent.Markdown(markdown), request.Converter.ToRange(text, results[0].Span));
    }
}
