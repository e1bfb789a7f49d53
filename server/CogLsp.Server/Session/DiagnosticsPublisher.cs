using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Session;

/// <summary>
/// After every state change, brings the client's diagnostics up to date. Clients that pull
/// (textDocument/diagnostic) are asked to pull again when a change may have moved another file's
/// diagnostics (workspace/diagnostic/refresh); other clients get textDocument/publishDiagnostics for
/// every affected document whose diagnostics changed, with the document version. Runs off the request
/// queue, one run at a time; a newer change cancels an older run.
/// </summary>
public sealed class DiagnosticsPublisher(LspServer server) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    /// <summary>What was last published per document: its version and the digest of its diagnostics (made when first compared).</summary>
    private readonly Dictionary<string, (int? Version, Protocol.Diagnostic[] Diagnostics, string? Digest)> _published = new(StringComparer.Ordinal);
    private CancellationTokenSource? _current;
    private Task _running = Task.CompletedTask;

    public bool UsesPull => server.State.UsesPullDiagnostics;

    public void OnStateChanged(string method)
    {
        if (server.State.Stage != LifecycleStage.Initialized)
        {
            return;
        }

        var snapshot = server.State.Workspace;
        var cts = new CancellationTokenSource();
        Interlocked.Exchange(ref _current, cts)?.Cancel();
        _running = Task.Run(() => RunAsync(snapshot, method, cts.Token));
    }

    public async ValueTask DisposeAsync()
    {
        _current?.Cancel();
        try
        {
            await _running.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The documents whose diagnostics the client should see: every open document the product understands, and the files of their projects.</summary>
    public static IEnumerable<Document> Targets(WorkspaceSnapshot snapshot) =>
        CogProjectLocator.RelatedFiles(snapshot, snapshot.OpenDocuments.Keys)
            .Select(path => CogProjectLocator.GetDocument(snapshot, path))
            .OfType<Document>()
            .Where(d => d.Kind != DocumentKind.Unknown);

    private async Task RunAsync(WorkspaceSnapshot snapshot, string method, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (UsesPull)
            {
                if (server.State.Client.SupportsDiagnosticRefresh && method is not (Methods.DidOpen or Methods.Initialized))
                {
                    await server.RequestAsync<object>(Methods.DiagnosticRefresh, null, cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var document in Targets(snapshot))
            {
                cancellationToken.ThrowIfCancellationRequested();
                seen.Add(document.Path);
                var diagnostics = DiagnosticReports.Convert(server, snapshot, document, cancellationToken);

                // A new version is always published (the client waits for it); the same version again only
                // when its diagnostics moved (e.g. after an edit of the other file of the project).
                string? digest = null;
                if (_published.TryGetValue(document.Path, out var previous) && previous.Version == document.Version)
                {
                    digest = DiagnosticReports.Hash(diagnostics);
                    if (digest == (previous.Digest ?? DiagnosticReports.Hash(previous.Diagnostics)))
                    {
                        _published[document.Path] = previous with { Digest = digest };
                        continue;
                    }
                }

                _published[document.Path] = (document.Version, diagnostics, digest);
                await server.NotifyAsync(Methods.PublishDiagnostics, new PublishDiagnosticsParams(server.Uris.ToUri(document.Path), document.Version, diagnostics)).ConfigureAwait(false);
            }

            foreach (var stale in _published.Keys.Where(p => !seen.Contains(p)).ToList())
            {
                _published.Remove(stale);
                await server.NotifyAsync(Methods.PublishDiagnostics, new PublishDiagnosticsParams(server.Uris.ToUri(stale), null, [])).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            server.Logger.LogError(e, "Publishing diagnostics failed");
        }
        finally
        {
            _gate.Release();
        }
    }
}
