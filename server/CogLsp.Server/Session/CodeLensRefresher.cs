using System.Collections.Concurrent;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Session;

/// <summary>
/// Asks clients that support it (workspace/codeLens/refresh) to fetch code lenses again when a change moved
/// a lens the client is showing, e.g. an edit of cog.yaml changes the CUDA shown above requirements.txt.
/// The baseline is what the client last fetched (<see cref="Shown"/>, recorded by the codeLens handler), so
/// a run cancelled by a newer change loses nothing. After a refresh the moved entries are forgotten until
/// the client fetches them again, so one change asks once. Runs off the request queue, one run at a time;
/// a newer change cancels an older run. The resolution behind the titles is memoised per snapshot and
/// shared with the diagnostics.
/// </summary>
public sealed class CodeLensRefresher(LspServer server) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    /// <summary>The lens titles the client last fetched per document path, joined by "\n".</summary>
    private readonly ConcurrentDictionary<string, string> _shown = new(StringComparer.Ordinal);
    private CancellationTokenSource? _current;
    private Task _running = Task.CompletedTask;

    private bool Enabled => server.State.Stage == LifecycleStage.Initialized && server.State.Client.SupportsCodeLensRefresh;

    /// <summary>Records the titles of the lenses just sent for <paramref name="path"/>.</summary>
    public void Shown(string path, IEnumerable<CodeLensItem> lenses)
    {
        if (Enabled)
        {
            _shown[path] = Join(lenses);
        }
    }

    public void OnStateChanged()
    {
        if (!Enabled || _shown.IsEmpty)
        {
            return;
        }

        var snapshot = server.State.Workspace;
        var cts = new CancellationTokenSource();
        Interlocked.Exchange(ref _current, cts)?.Cancel();
        _running = Task.Run(() => RunAsync(snapshot, cts.Token));
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

    private static string Join(IEnumerable<CodeLensItem> lenses) => string.Join('\n', lenses.Select(l => l.Title));

    private async Task RunAsync(WorkspaceSnapshot snapshot, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var moved = new List<KeyValuePair<string, string>>();
            foreach (var shown in _shown)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var document = CogProjectLocator.GetDocument(snapshot, shown.Key);
                var now = document is null
                    ? string.Empty
                    : Join(server.Services.CodeLensProviders.Where(p => p.Kind == document.Kind).SelectMany(p => p.GetCodeLenses(new FeatureContext(snapshot, document, cancellationToken))));
                if (now != shown.Value)
                {
                    moved.Add(shown);
                }
            }

            if (moved.Count > 0)
            {
                foreach (var entry in moved)
                {
                    _shown.TryRemove(entry);
                }

                await server.RequestAsync<object>(Methods.CodeLensRefresh, null, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            server.Logger.LogError(e, "Refreshing code lenses failed");
        }
        finally
        {
            _gate.Release();
        }
    }
}
