using System.Collections.Concurrent;
using System.Text.Json;
using CogLsp.Analysis.Indexes;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Session;

/// <summary>
/// Brings package-index answers into the workspace, off the keystroke path (gopls' on-demand module
/// checks are the model). After a state change it waits for typing to pause, asks analysis which index
/// pages the open projects need (<see cref="IndexDemands"/>), reads the missing ones through the
/// <see cref="IPackageIndexClient"/> (network and disk cache; it bounds parallelism and coalesces
/// identical requests), and hands the answers back as a mutation queued in order with the client's
/// messages, so they enter as a new snapshot and diagnostics are republished (push) or refreshed (pull)
/// like after any change. Fetches are not cancelled by edits, only by shutdown: an answer is still worth
/// having after the line that asked for it changed.
/// </summary>
public sealed class IndexFetcher : IAsyncDisposable
{
    /// <summary>How long typing must pause before the open projects are scanned for pages to read.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);

    /// <summary>Answers are applied in batches at most this often while a cold cache fills.</summary>
    public static readonly TimeSpan BatchInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>A page is asked for again after this long, so a long session sees new releases (the client's cache decides whether that costs a request).</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromMinutes(10);

    /// <summary>A page is not asked for again sooner than this after the last attempt, whatever came of it (an index that failed is tried again after it).</summary>
    public static readonly TimeSpan Retry = TimeSpan.FromMinutes(1);

    /// <summary>Progress is shown only when at least this many pages are missing.</summary>
    private const int ProgressThreshold = 5;

    private readonly LspServer server;
    private readonly IPackageIndexClient client;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly ConcurrentDictionary<IndexQuery, DateTimeOffset> _requested = new();
    private readonly ConcurrentBag<Task> _fetches = [];

    /// <summary>The debounce: every state change moves it <see cref="Debounce"/> ahead, so it fires once typing pauses (nothing is allocated per keystroke).</summary>
    private readonly ITimer _scanTimer;

    private readonly TimeProvider _time;

    /// <summary>The scan under way, if any: a state change cancels it (its snapshot is already old), and the timer starts a new one.</summary>
    private CancellationTokenSource? _scanning;
    private int _progressCounter;

    public IndexFetcher(LspServer server, IPackageIndexClient client, TimeProvider time)
    {
        this.server = server;
        this.client = client;
        _time = time;
        _scanTimer = time.CreateTimer(_ => _ = ScanAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void OnStateChanged()
    {
        if (!MayRead())
        {
            return;
        }

        Volatile.Read(ref _scanning)?.Cancel();
        _scanTimer.Change(Debounce, Timeout.InfiniteTimeSpan);
    }

    public async ValueTask DisposeAsync()
    {
        await _scanTimer.DisposeAsync().ConfigureAwait(false);
        await _lifetime.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_fetches).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Fetches end by cancellation here; their errors were logged where they happened.
        }
    }

    /// <summary>
    /// True when indexes may be read now. Not before the client's settings are known: they may replace the
    /// default index, which must then never see the file's names (checked again when the timer fires, as
    /// `initialize` may arm it before `initialized` asks for the settings).
    /// </summary>
    private bool MayRead() =>
        server.State.Stage == LifecycleStage.Initialized && !server.State.AwaitingSettings && server.State.Workspace.Options.PackageIndex.Enabled && !_lifetime.IsCancellationRequested;

    private async Task ScanAsync()
    {
        if (!MayRead())
        {
            return;
        }

        using var scan = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        Interlocked.Exchange(ref _scanning, scan)?.Cancel();
        var cancellationToken = scan.Token;
        try
        {
            var snapshot = server.State.Workspace;
            var now = _time.GetUtcNow();
            var wanted = new List<IndexQuery>();
            foreach (var query in IndexDemands.Collect(snapshot, DiagnosticsPublisher.Targets(snapshot), cancellationToken))
            {
                // A page the index confirmed lately is known; one it could not answer (or answered only from a stale cache) is asked again.
                if (snapshot.Indexes.Get(query) is { Kind: not IndexAnswerKind.Unavailable, Stale: false } known && now - known.FetchedAt < Recheck)
                {
                    continue;
                }

                wanted.Add(query);
            }

            // Claim the pages (after the cancellable part, so a claim is always followed by its fetch): one
            // attempt at a page at a time, and not again within the retry interval.
            var missing = new List<IndexQuery>();
            foreach (var query in wanted)
            {
                if (_requested.AddOrUpdate(query, now, (_, previous) => now - previous < Retry ? previous : now) == now)
                {
                    missing.Add(query);
                }
            }

            if (missing.Count > 0)
            {
                var fetch = FetchAsync(missing, _lifetime.Token);
                _fetches.Add(fetch);
                await fetch.ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            server.Logger.LogError(e, "Reading package indexes failed");
        }
        finally
        {
            Interlocked.CompareExchange(ref _scanning, null, scan);
        }
    }

    private async Task FetchAsync(IReadOnlyList<IndexQuery> queries, CancellationToken cancellationToken)
    {
        var progress = queries.Count >= ProgressThreshold && server.State.Client.SupportsWorkDoneProgress
            ? await BeginProgressAsync(queries.Count, cancellationToken).ConfigureAwait(false)
            : null;
        var arrived = new ConcurrentQueue<IndexAnswer>();
        var done = 0;
        var all = Task.WhenAll(queries.Select(async query =>
        {
            try
            {
                arrived.Enqueue(await client.GetAsync(query, cancellationToken).ConfigureAwait(false));
            }
            finally
            {
                Interlocked.Increment(ref done);
            }
        }));

        try
        {
            while (!all.IsCompleted)
            {
                await Task.WhenAny(all, Task.Delay(BatchInterval, cancellationToken)).ConfigureAwait(false);
                await ApplyAsync(arrived).ConfigureAwait(false);
                if (progress is not null)
                {
                    await ReportAsync(progress, new WorkDoneProgressValue("report") { Message = $"{done}/{queries.Count} pages", Percentage = 100 * done / queries.Count }).ConfigureAwait(false);
                }
            }

            await all.ConfigureAwait(false);
            await ApplyAsync(arrived).ConfigureAwait(false);
        }
        finally
        {
            if (progress is not null)
            {
                await ReportAsync(progress, new WorkDoneProgressValue("end") { Message = $"{done} pages read" }).ConfigureAwait(false);
            }
        }
    }

    private Task ApplyAsync(ConcurrentQueue<IndexAnswer> arrived)
    {
        var batch = new List<IndexAnswer>();
        while (arrived.TryDequeue(out var answer))
        {
            batch.Add(answer);
        }

        return batch.Count == 0 ? Task.CompletedTask : server.EnqueueInternal(new ApplyAnswers(batch), null);
    }

    private async Task<string?> BeginProgressAsync(int pages, CancellationToken cancellationToken)
    {
        var token = $"cog-lsp/index/{Interlocked.Increment(ref _progressCounter)}";
        try
        {
            await server.RequestAsync<object>(Methods.WorkDoneProgressCreate, new WorkDoneProgressCreateParams(token), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            server.Logger.LogDebug(e, "The client refused a progress token");
            return null;
        }

        await ReportAsync(token, new WorkDoneProgressValue("begin") { Title = "Reading package indexes", Message = $"0/{pages} pages", Percentage = 0, Cancellable = false }).ConfigureAwait(false);
        return token;
    }

    private Task ReportAsync(string token, WorkDoneProgressValue value) => server.NotifyAsync(Methods.Progress, new ProgressParams(token, value));

    /// <summary>Internal step (never sent by a client): the answers enter the workspace as a new snapshot.</summary>
    private sealed class ApplyAnswers(IReadOnlyList<IndexAnswer> answers) : ILspHandler
    {
        public string Method => "cogLsp/indexAnswers";

        public bool MutatesState => true;

        public Task<object?> HandleAsync(JsonElement? parameters, RequestContext context, CancellationToken cancellationToken)
        {
            context.State.Workspace = context.State.Workspace.WithIndexAnswers(answers);
            return Task.FromResult<object?>(null);
        }
    }
}
