using CogLsp.Analysis.Features;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Handlers.InlayHints;

/// <summary>textDocument/inlayHint: e.g. the version Cog really installs after a rewritten pin. Off when the user turns inlay hints off.</summary>
public sealed class InlayHintHandler : LspHandler<InlayHintParams, InlayHint[]>, ICapabilityContributor
{
    public override string Method => Methods.InlayHint;

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities.InlayHintProvider = true;

    protected override Task<InlayHint[]> ExecuteAsync(InlayHintParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(parameters.TextDocument.Uri);
        if (document is null || !context.Workspace.Options.InlayHints)
        {
            return Task.FromResult<InlayHint[]>([]);
        }

        var converter = context.Converter;
        var span = converter.ToSpan(document.Text, parameters.Range);
        var feature = new FeatureContext(context.Workspace, document, cancellationToken);
        var hints = context.Services.InlayHintProviders.Where(p => p.Kind == document.Kind)
            .SelectMany(p => p.GetInlayHints(feature, span))
            .Select(h => new InlayHint(converter.ToPosition(document.Text, h.Offset), h.Label)
            {
                Tooltip = h.TooltipMarkdown is null ? null : MarkupContent.Markdown(h.TooltipMarkdown),
                PaddingLeft = h.PaddingLeft,
            })
            .ToArray();
        return Task.FromResult(hints);
    }
}
