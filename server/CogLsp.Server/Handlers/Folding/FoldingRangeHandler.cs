using CogLsp.Analysis.Features;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;

namespace CogLsp.Server.Handlers.Folding;

/// <summary>textDocument/foldingRange: mapping blocks of cog.yaml and comment blocks of both file kinds.</summary>
public sealed class FoldingRangeHandler : DocumentFeatureHandler<FoldingRangeParams, FoldingRange[]>, ICapabilityContributor
{
    public override string Method => Methods.FoldingRange;

    protected override FoldingRange[] Empty => [];

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities.FoldingRangeProvider = true;

    protected override string UriOf(FoldingRangeParams parameters) => parameters.TextDocument.Uri;

    protected override FoldingRange[] Handle(FoldingRangeParams parameters, DocumentRequest request) =>
        request.Providers(request.Context.Services.FoldingProviders)
            .SelectMany(p => p.GetFoldingRegions(request.Feature))
            .Where(r => r.EndLine > r.StartLine)
            .Select(r => new FoldingRange(r.StartLine, r.EndLine, r.Kind switch { FoldingKind.Comment => "comment", FoldingKind.Imports => "imports", _ => "region" }))
            .ToArray();
}
