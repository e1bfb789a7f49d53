using CogLsp.Analysis.Features;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Handlers.Folding;

/// <summary>textDocument/foldingRange: mapping blocks of cog.yaml and comment blocks of both file kinds.</summary>
public sealed class FoldingRangeHandler : LspHandler<FoldingRangeParams, FoldingRange[]>, ICapabilityContributor
{
    public override string Method => Methods.FoldingRange;

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities.FoldingRangeProvider = true;

    protected override Task<FoldingRange[]> ExecuteAsync(FoldingRangeParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(parameters.TextDocument.Uri);
        if (document is null)
        {
            return Task.FromResult<FoldingRange[]>([]);
        }

        var feature = new FeatureContext(context.Workspace, document, cancellationToken);
        var ranges = context.Services.FoldingProviders.Where(p => p.Kind == document.Kind)
            .SelectMany(p => p.GetFoldingRegions(feature))
            .Where(r => r.EndLine > r.StartLine)
            .Select(r => new FoldingRange(r.StartLine, r.EndLine, r.Kind switch { FoldingKind.Comment => "comment", FoldingKind.Imports => "imports", _ => "region" }))
            .ToArray();
        return Task.FromResult(ranges);
    }
}
