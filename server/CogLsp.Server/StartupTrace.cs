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

    /// <summary>Collections per generation and the total time the program was paused for them.</summary>
    public static void GarbageCollections()
    {
        if (Enabled)
        {
            Console.Error.WriteLine($"[gc] collections gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}; paused {GC.GetTotalPauseDuration().TotalMilliseconds:F1} ms in all; allocated {GC.GetTotalAllocatedBytes() / (1024.0 * 1024.0):F0} MiB");
            var last = GC.GetGCMemoryInfo(GCKind.Ephemeral);
            Console.Error.WriteLine($"[gc] last young collection: gen{last.Generation}, promoted {last.PromotedBytes / 1024.0:F0} KiB, heap {last.HeapSizeBytes / (1024.0 * 1024.0):F1} MiB, paused {last.PauseDurations[0].TotalMilliseconds:F2} ms");
        }
    }
}
