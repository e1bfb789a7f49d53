using System.Diagnostics;

namespace CogLsp.Server;

/// <summary>
/// When COG_LSP_STARTUP_TRACE is set, prints how long each start-up phase took and, at exit, what the
/// garbage collector did (to stderr), for tuning start-up and keystroke latency.
/// </summary>
public static class StartupTrace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("COG_LSP_STARTUP_TRACE") is { Length: > 0 };

    public static void Mark(string phase)
    {
        if (Enabled)
        {
            var sinceStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
            Console.Error.WriteLine($"[startup] {sinceStart.TotalMilliseconds,7:F1} ms  {phase}");
        }
    }

    private static readonly List<(int Generation, double PauseMs, long PromotedKiB)> Collections = [];
    private static int s_seenCollections;

    /// <summary>Records the latest collection if one happened since the last call (called after each change, so it sees nearly every one).</summary>
    public static void NoteCollection()
    {
        if (Enabled && GC.CollectionCount(0) is var count && count != s_seenCollections)
        {
            s_seenCollections = count;
            var info = GC.GetGCMemoryInfo(GCKind.Any);
            lock (Collections)
            {
                Collections.Add((info.Generation, info.PauseDurations[0].TotalMilliseconds, info.PromotedBytes / 1024));
            }
        }
    }

    /// <summary>Collections per generation and the total time the program was paused for them.</summary>
    public static void GarbageCollections()
    {
        if (Enabled)
        {
            Console.Error.WriteLine($"[gc] collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; paused {GC.GetTotalPauseDuration().TotalMilliseconds:F1} ms in all; allocated {GC.GetTotalAllocatedBytes() / (1024.0 * 1024.0):F0} MiB");
            lock (Collections)
            {
                Console.Error.WriteLine($"[gc] seen after changes (generation/pause ms/promoted KiB): {string.Join(" ", Collections.Select(c => $"{c.Generation}/{c.PauseMs:F1}/{c.PromotedKiB}"))}");
            }
        }
    }
}
