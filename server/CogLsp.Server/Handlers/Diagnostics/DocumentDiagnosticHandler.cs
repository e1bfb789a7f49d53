using CogLsp.Analysis.Workspace;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;

namespace CogLsp.Server.Handlers.Diagnostics;

/// <summary>
/// textDocument/diagnostic (pull). The result id is a digest of the diagnostics, so a client that
/// sends back the id it holds gets "unchanged" exactly when nothing moved.
/// </summary>
public sealed class DocumentDiagnosticHandler : LspHandler<DocumentDiagnosticParams, DocumentDiagnosticReport>, ICapabilityContributor
{
    public override string Method => Methods.Diagnostic;

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client)
    {
        // Initialize removes this again when the client asked for push diagnostics.
        {
            capabilities.DiagnosticProvider = new DiagnosticOptions("cog-lsp", InterFileDependencies: true, WorkspaceDiagnostics: false);
        }
    }

    protected override Task<DocumentDiagnosticReport> ExecuteAsync(DocumentDiagnosticParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(parameters.TextDocument.Uri);
        var items = document is null || document.Kind == DocumentKind.Unknown || context.Server is null
            ? []
            : DiagnosticReports.Convert(context.Server, context.Workspace, document, cancellationToken);
        var resultId = DiagnosticReports.Hash(items);
        return Task.FromResult(parameters.PreviousResultId == resultId
            ? new DocumentDiagnosticReport("unchanged", resultId)
            : new DocumentDiagnosticReport("full", resultId) { Items = items });
    }
}
