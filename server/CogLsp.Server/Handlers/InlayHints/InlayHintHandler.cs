using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;

namespace CogLsp.Server.Handlers.InlayHints;

/// <summary>textDocument/inlayHint: e.g. the version Cog really installs after a rewritten pin. Off when the user turns inlay hints off.</summary>
public sealed class InlayHintHandler : DocumentFeatureHandler<InlayHintParams, InlayHint[]>, ICapabilityContributor
{
    public override string Method => Methods.InlayHint;

    protected override InlayHint[] Empty => [];

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities.InlayHintProvider = true;

    protected override string UriOf(InlayHintParams parameters) => parameters.TextDocument.Uri;

    protected override InlayHint[] Handle(InlayHintParams parameters, DocumentRequest request)
    {
        if (!request.Context.Workspace.Options.InlayHints)
        {
            return [];
        }

        var converter = request.Converter;
        var text = request.Document.Text;
        var span = converter.ToSpan(text, parameters.Range);
        return request.Providers(request.Context.Services.InlayHintProviders)
            .SelectMany(p => p.GetInlayHints(request.Feature, span))
            .Select(h => new InlayHint(converter.ToPosition(text, h.Offset), h.Label)
            {
                Tooltip = h.TooltipMarkdown is null ? null : MarkupContent.Markdown(h.TooltipMarkdown),
                PaddingLeft = h.PaddingLeft,
            })
            .ToArray();
    }
}
