using CogLsp.Analysis.Features;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Handlers.Definition;

/// <summary>textDocument/definition: from python_requirements or an include to the file, from run/predict to the class.</summary>
public sealed class DefinitionHandler : LspHandler<DefinitionParams, Location[]>, ICapabilityContributor
{
    public override string Method => Methods.Definition;

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities.DefinitionProvider = true;

    protected override Task<Location[]> ExecuteAsync(DefinitionParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(parameters.TextDocument.Uri);
        if (document is null)
        {
            return Task.FromResult<Location[]>([]);
        }

        var converter = context.Converter;
        var offset = converter.ToOffset(document.Text, parameters.Position);
        var feature = new FeatureContext(context.Workspace, document, cancellationToken);
        var locations = context.Services.DefinitionProviders.Where(p => p.Kind == document.Kind)
            .SelectMany(p => p.GetDefinitions(feature, offset))
            .Select(t =>
            {
                var target = context.Workspace.GetDocument(t.Path);
                var range = target is null ? new Protocol.Range(new Position(0, 0), new Position(0, 0)) : converter.ToRange(target.Text, t.Span);
                return new Location(converter.ToUri(t.Path), range);
            })
            .ToArray();
        return Task.FromResult(locations);
    }
}
