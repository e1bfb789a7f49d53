using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;

namespace CogLsp.Server.Handlers.Definition;

/// <summary>textDocument/definition: from python_requirements or an include to the file, from run/predict to the class.</summary>
public sealed class DefinitionHandler : DocumentFeatureHandler<DefinitionParams, Location[]>, ICapabilityContributor
{
    public override string Method => Methods.Definition;

    protected override Location[] Empty => [];

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities.DefinitionProvider = true;

    protected override string UriOf(DefinitionParams parameters) => parameters.TextDocument.Uri;

    protected override Location[] Handle(DefinitionParams parameters, DocumentRequest request)
    {
        var converter = request.Converter;
        var workspace = request.Context.Workspace;
        var offset = converter.ToOffset(request.Document.Text, parameters.Position);
        return request.Providers(request.Context.Services.DefinitionProviders)
            .SelectMany(p => p.GetDefinitions(request.Feature, offset))
            .Select(t =>
            {
                var target = workspace.GetDocument(t.Path);
                var range = target is null ? new Protocol.Range(new Position(0, 0), new Position(0, 0)) : converter.ToRange(target.Text, t.Span);
                return new Location(converter.ToUri(t.Path), range);
            })
            .ToArray();
    }
}
