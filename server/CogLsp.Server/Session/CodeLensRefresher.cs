using CogLsp.Analysis.Workspace;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Session;

/// <summary>
/// Asks clients that support it (workspace/codeLens/refresh) to fetch code lenses again when a change
/// moved the lens of an open document that the change did not itself touch, e.g. an edit of cog.yaml
/// changes the CUDA shown above requirements.txt. Compares the lens titles of the open documents before
/// and after each state change (the resolution behind them is memoised per snapshot, shared with the
/// diagnostics); a document just opened or closed is not a reason to refresh. Runs off the request queue,
/// one run at a time; a newer change cancels an older run.
/// </summary>
public sealed class CodeLensRefresher(LspServer server) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, string> _titles = new(StringComparer.Ordinal);
    private CancellationTokenSource? _current;
    private Task _running = Task.CompletedTask;

    public void OnStateChanged()
    {
        if (server.State.Stage != LifecycleStage.Initialized || !server.State.Client.SupportsCodeLensRefresh || server.Services.CodeLensProviders.IsEmpty)
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

    /// <summary>The lens titles of each open document, joined, keyed by path.</summary>
    public static Dictionary<string, string> Titles(WorkspaceSnapshot snapshot, Analysis.LanguageServices services, CancellationToken cancellationToken)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in snapshot.OpenDocuments.Keys)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Analysis.Projects.CogProjectLocator.GetDocument(snapshot, path) is not { } document)
            {
                continue;
            }

            var context = new Analysis.Features.FeatureContext(snapshot, document, cancellationToken);
            titles[path] = string.Join('\n', services.CodeLensProviders.Where(p => p.Kind == document.Kind).SelectMany(p => p.GetCodeLenses(context)).Select(l => l.Title));
        }

        return titles;
    }

    private async Task RunAsync(WorkspaceSnapshot snapshot, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var titles = Titles(snapshot, server.Services, cancellationToken);
            var moved = titles.Any(t => _titles.TryGetValue(t.Key, out var before) && before != t.Value);
            _titles = titles;
            if (moved)
            {
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
