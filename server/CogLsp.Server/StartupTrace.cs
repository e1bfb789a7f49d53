using System.Diagnostics;

namespace CogLsp.Server;

/// <summary>When COG_LSP_STARTUP_TRACE is set, prints how long each start-up phase took (to stderr), for tuning start-up.</summary>
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
}
