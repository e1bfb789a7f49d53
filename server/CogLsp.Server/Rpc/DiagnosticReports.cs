using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Server.Rpc;

/// <summary>Diagnostics of one document in LSP form, shared by the push and pull paths.</summary>
public static class DiagnosticReports
{
    public static Protocol.Diagnostic[] Convert(LspServer server, WorkspaceSnapshot snapshot, Document document, CancellationToken cancellationToken)
    {
        var diagnostics = server.Diagnostics.GetDiagnostics(snapshot, document, cancellationToken);
        var converter = new Conversion.LspConverter(server.State.Encoding, server.Uris);
        return diagnostics.Select(d => converter.ToDiagnostic(document.Text, d, path => snapshot.GetDocument(path)?.Text)).ToArray();
    }

    /// <summary>A short stable digest of a diagnostic list: the pull result id, and the push "did anything move" check.</summary>
    public static string Hash(Protocol.Diagnostic[] diagnostics)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(diagnostics, LspJson.Options);
        return System.Convert.ToHexString(SHA256.HashData(bytes), 0, 8);
    }
}
