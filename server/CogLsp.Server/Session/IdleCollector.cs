namespace CogLsp.Server.Session;

/// <summary>
/// Moves garbage collection out of keystrokes. A change allocates little (a chunk of the text, a block of
/// lines, short directories, memo tables, the diagnostics it publishes), but over a run of keystrokes that
/// adds up, and the runtime would otherwise collect in the middle of some keystroke's analysis. A short
/// while after the latest change, when the program has allocated a fair amount since the last
/// collection, this collects the young generations at once, while the user is between keystrokes. A newer
/// change cancels a pending collection, so a fast run of changes (a paste, key repeat) never waits for one.
/// </summary>
public sealed class IdleCollector(Func<int> collectionCount, Func<long> allocatedBytes, Action collect)
{
    /// <summary>How long after a change the server counts as idle (well below the gap between a person's keystrokes).</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(15);

    /// <summary>Allocation since the last collection that makes an idle collection worth its cost.</summary>
    public const long Threshold = 2 * 1024 * 1024;

    private readonly Lock _gate = new();

    /// <summary>A collector of this process's garbage.</summary>
    public IdleCollector()
        : this(() => GC.CollectionCount(0), () => GC.GetTotalAllocatedBytes(), () => GC.Collect(1, GCCollectionMode.Forced, blocking: true))
    {
    }
    private CancellationTokenSource? _pending;
    private int _collections = collectionCount();
    private long _allocatedAtCollection = allocatedBytes();

    /// <summary>Collections made by this collector (for tests and traces).</summary>
    public int Collections { get; private set; }

    /// <summary>COG_LSP_IDLE_GC=0 turns idle collections off (to compare).</summary>
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("COG_LSP_IDLE_GC") != "0";

    public void OnChange()
    {
        if (!Enabled)
        {
            return;
        }

        var cts = new CancellationTokenSource();
        Interlocked.Exchange(ref _pending, cts)?.Cancel();
        _ = Task.Delay(Delay, cts.Token).ContinueWith(_ => CollectIfWorthwhile(), cts.Token, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }

    private void CollectIfWorthwhile()
    {
        lock (_gate)
        {
            var collections = collectionCount();
            var allocated = allocatedBytes();
            if (collections != _collections)
            {
                // The runtime collected since the last look: count from here (an underestimate, so never too eager).
                (_collections, _allocatedAtCollection) = (collections, allocated);
                return;
            }

            if (allocated - _allocatedAtCollection < Threshold)
            {
                return;
            }

            collect();
            Collections++;
            (_collections, _allocatedAtCollection) = (collectionCount(), allocatedBytes());
        }
    }
}
