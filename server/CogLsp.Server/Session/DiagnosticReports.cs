using CogLsp.Analysis.Workspace;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Session;

/// <summary>Diagnostics of one document in LSP form, shared by the push and pull paths.</summary>
public static class DiagnosticReports
{
    public static Protocol.Diagnostic[] Convert(LspServer server, WorkspaceSnapshot snapshot, Document document, CancellationToken cancellationToken)
    {
        var diagnostics = server.Diagnostics.GetDiagnostics(snapshot, document, cancellationToken);
        var converter = new Conversion.LspConverter(server.State.Encoding, server.Uris);
        return diagnostics.Select(d => converter.ToDiagnostic(document.Text, d, path => snapshot.GetDocument(path)?.Text)).ToArray();
    }

    /// <summary>
    /// A digest of a diagnostic list: the pull result id, and the push "did anything move" check. It hashes
    /// the fields a client shows, without serialising the list (which the wire does once anyway).
    /// </summary>
    public static string Hash(Protocol.Diagnostic[] diagnostics)
    {
        // Two differently fed 32-bit hashes make a 64-bit digest; a process-local seed is fine, as result ids never outlive the server.
        var first = new HashCode();
        var second = new HashCode();
        first.Add(diagnostics.Length);
        second.Add(~diagnostics.Length);
        foreach (var d in diagnostics)
        {
            Add(ref first, d);
            second.Add(d.Message, StringComparer.Ordinal);
            Add(ref second, d);
        }

        return $"{(uint)first.ToHashCode():x8}{(uint)second.ToHashCode():x8}";
    }

    private static void Add(ref HashCode hash, Protocol.Diagnostic d)
    {
        hash.Add(d.Range.Start.Line);
        hash.Add(d.Range.Start.Character);
        hash.Add(d.Range.End.Line);
        hash.Add(d.Range.End.Character);
        hash.Add(d.Severity);
        hash.Add(d.Code, StringComparer.Ordinal);
        hash.Add(d.Message, StringComparer.Ordinal);
        foreach (var tag in d.Tags ?? [])
        {
            hash.Add(tag);
        }

        foreach (var related in d.RelatedInformation ?? [])
        {
            hash.Add(related.Location.Uri, StringComparer.Ordinal);
            hash.Add(related.Location.Range.Start.Line);
            hash.Add(related.Message, StringComparer.Ordinal);
        }

        // Fix-data records compare by value, so equal data hashes alike.
        hash.Add(d.Data);
    }
}
