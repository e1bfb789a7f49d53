using CogLsp.Analysis.Features;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Handlers.Hover;

/// <summary>textDocument/hover: every provider for the document's kind may contribute; their texts are joined with a rule.</summary>
public sealed class HoverHandler : LspHandler<HoverParams, Protocol.Hover?>, ICapabilityContributor
{
    public override string Method => Methods.Hover;

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities.HoverProvider = true;

    protected override Task<Protocol.Hover?> ExecuteAsync(HoverParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(parameters.TextDocument.Uri);
        if (document is null)
        {
            return Task.FromResult<Protocol.Hover?>(null);
        }

        var converter = context.Converter;
        var offset = converter.ToOffset(document.Text, parameters.Position);
        var feature = new FeatureContext(context.Workspace, document, cancellationToken);
        var results = context.Services.HoverProviders.Where(p => p.Kind == document.Kind)
            .Select(p => p.GetHover(feature, offset)).OfType<HoverResult>().ToList();
        if (results.Count == 0)
        {
            return Task.FromResult<Protocol.Hover?>(null);
        }

        var markdown = string.Join("\n\n---\n\n", results.Select(r => r.Markdown));
        return Task.FromResult<Protocol.Hover?>(new Protocol.Hover(MarkupContent.Markdown(markdown), converter.ToRange(document.Text, results[0].Span)));
    }
}
