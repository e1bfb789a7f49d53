using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;

namespace CogLsp.Server.Handlers.CodeLens;

/// <summary>
/// textDocument/codeLens: what Cog builds, above the requirements file a cog.yaml uses and on cog.yaml's
/// `build` key. Each lens runs <see cref="PreviewCommand"/> with the cog.yaml's URI; clients that can show
/// a document (the VS Code extension) open the text it returns.
/// </summary>
public sealed class CodeLensHandler : DocumentFeatureHandler<CodeLensParams, Protocol.CodeLens[]>, ICapabilityContributor
{
    public override string Method => Methods.CodeLens;

    protected override Protocol.CodeLens[] Empty => [];

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) => capabilities.CodeLensProvider = new CodeLensOptions(false);

    protected override string UriOf(CodeLensParams parameters) => parameters.TextDocument.Uri;

    protected override Protocol.CodeLens[] Handle(CodeLensParams parameters, DocumentRequest request)
    {
        var converter = request.Converter;
        var text = request.Document.Text;
        var lenses = request.Providers(request.Context.Services.CodeLensProviders).SelectMany(p => p.GetCodeLenses(request.Feature)).ToList();
        request.Context.Server?.CodeLenses.Shown(request.Document.Path, lenses);
        return lenses
            .Select(l => new Protocol.CodeLens(
                converter.ToRange(text, l.Span),
                new Command(l.Title, PreviewCommand.CommandName, [LspJson.ToElement(converter.ToUri(l.CogYamlPath))])))
            .ToArray();
    }
}
