using System.Diagnostics;
using System.Globalization;
using System.Text;
using CogLsp.Tests.Shared.LoopbackIndex;

namespace CogLsp.Benchmarks;

/// <summary>
/// Package-index figures, all against a loopback index in this process:
/// cold cache — a 100-package requirements file, 50 ms added to every answer: didOpen until the diagnostics
/// with every index finding are published (median of fresh caches);
/// warm cache — `check --online` against `check` on the same project (medians), and the requests the warm runs made;
/// typing — didChange → diagnostics with the index on (all answers in: the harness waits until a hover names
/// the index before it types) and off, in the same run.
/// </summary>
internal static class IndexBench
{
    private const int Packages = 100;
    private const int Missing = 10;

    public static async Task<int> RunAsync(string serverPath)
    {
        var runs = Environment.GetEnvironmentVariable("COG_LSP_BENCH_REPEATS") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 5;
        await using var index = await LoopbackIndexServer.StartAsync();
        for (var i = 0; i < Packages; i++)
        {
            index.Add(new LoopbackFile($"pkg{i}", $"pkg{i}-1.0-py3-none-any.whl"), new LoopbackFile($"pkg{i}", $"pkg{i}-1.1-py3-none-any.whl"));
        }

        // Lines 0..Missing-1 pin a version the index does not list: each gets REQ0601 once the index answered.
        var text = new StringBuilder();
        for (var i = 0; i < Packages; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"pkg{i}=={(i < Missing ? "9.9" : "1.0")}\n");
        }

        var project = Directory.CreateTempSubdirectory("cog-lsp-index-bench-");
        await File.WriteAllTextAsync(Path.Combine(project.FullName, "cog.yaml"), "build:\n  python_version: \"3.12\"\n  python_requirements: requirements.txt\n");
        var requirements = Path.Combine(project.FullName, "requirements.txt");
        await File.WriteAllTextAsync(requirements, text.ToString());

        // Cold cache.
        index.Latency = TimeSpan.FromMilliseconds(50);
        var cold = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var cache = Directory.CreateTempSubdirectory("cog-lsp-cache-");
            using var process = Start(serverPath, cache.FullName, "serve");
            var client = new SyncLspConnection(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
            client.Request("initialize", new { processId = (int?)null, rootUri = new Uri(project.FullName).AbsoluteUri, capabilities = new { } });
            client.Notify("initialized", new { });
            client.Notify("workspace/didChangeConfiguration", new { settings = new { cogLsp = new { index = new { url = index.SimpleUrl } } } });
            var uri = new Uri(requirements).AbsoluteUri;
            index.ClearRequests();
            var clock = Stopwatch.StartNew();
            client.Notify("textDocument/didOpen", new { textDocument = new { uri, languageId = "pip-requirements", version = 1, text = text.ToString() } });
            client.WaitFor("textDocument/publishDiagnostics", p => p.GetProperty("diagnostics").EnumerateArray().Count(d => d.GetProperty("code").GetString() == "REQ0601") == Missing);
            cold.Add(clock.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  cold run {run + 1}: {cold[^1]:F0} ms, {index.RequestCount("/simple/")} requests, at most {index.MaxConcurrentRequests} at once"));
            client.Request("shutdown", null);
            client.Notify("exit", new { });
            await process.WaitForExitAsync();
            cache.Delete(true);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold cache, {Packages} packages, 50 ms per answer: didOpen -> all index diagnostics median {Median(cold):F0} ms (min {cold.Min():F0}, max {cold.Max():F0}) over {runs} fresh caches"));

        // Warm cache: check --online against check.
        index.Latency = TimeSpan.Zero;
        var warmCache = Directory.CreateTempSubdirectory("cog-lsp-cache-");
        await CliAsync(serverPath, warmCache.FullName, project.FullName, "--online", "--index-url", index.SimpleUrl);
        index.ClearRequests();
        var offline = new List<double>();
        var online = new List<double>();
        for (var run = 0; run < Math.Max(runs, 7); run++)
        {
            offline.Add(await CliAsync(serverPath, warmCache.FullName, project.FullName));
            online.Add(await CliAsync(serverPath, warmCache.FullName, project.FullName, "--online", "--index-url", index.SimpleUrl));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm cache: check median {Median(offline):F0} ms, check --online median {Median(online):F0} ms (+{Median(online) - Median(offline):F0} ms); requests during the warm runs: {index.RequestCount()}"));
        warmCache.Delete(true);
        project.Delete(true);

        // Typing with the index on and off.
        Environment.SetEnvironmentVariable("COG_LSP_BENCH_STARTUPS", "0");
        Environment.SetEnvironmentVariable("COG_LSP_BENCH_ONLY", Environment.GetEnvironmentVariable("COG_LSP_BENCH_ONLY") ?? "pinned");
        Environment.SetEnvironmentVariable("COG_LSP_BENCH_SIZES", Environment.GetEnvironmentVariable("COG_LSP_BENCH_SIZES") ?? "100");
        Console.WriteLine("typing, index off:");
        Environment.SetEnvironmentVariable("COG_LSP_BENCH_INDEX", null);
        await LatencyHarness.RunAsync(serverPath);
        // The index lists every pinned version of the typing corpus (and numpy, which the keystrokes type), so the
        // diagnostics are the same with the index on: the difference is the cost of the index rules alone.
        foreach (var size in (Environment.GetEnvironmentVariable("COG_LSP_BENCH_SIZES") ?? "100").Split(','))
        {
            foreach (var line in Corpus.PinnedRequirementsFile(int.Parse(size, CultureInfo.InvariantCulture)).Split('\n'))
            {
                var requirement = line.Split(';')[0].Trim();
                var eq = requirement.IndexOf("==", StringComparison.Ordinal);
                if (eq > 0)
                {
                    var name = requirement[..eq].Trim().ToLowerInvariant().Replace('_', '-').Replace('.', '-');
                    index.Add(new LoopbackFile(name, $"{name.Replace('-', '_')}-{requirement[(eq + 2)..].Trim()}-py3-none-any.whl"));
                }
            }
        }

        index.Add(new LoopbackFile("numpy", "numpy-1.26.4-py3-none-any.whl"));
        Console.WriteLine("typing, index on (the loopback index lists every pinned version):");
        Environment.SetEnvironmentVariable("COG_LSP_BENCH_INDEX", index.SimpleUrl);
        await LatencyHarness.RunAsync(serverPath);
        return 0;
    }

    private static async Task<double> CliAsync(string serverPath, string cache, string project, params string[] extra)
    {
        var clock = Stopwatch.StartNew();
        using var process = Start(serverPath, cache, ["check", project, "--format", "json", .. extra]);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        await output;
        return clock.Elapsed.TotalMilliseconds;
    }

    private static Process Start(string serverPath, string cache, params string[] arguments)
    {
        var info = new ProcessStartInfo(serverPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = false,
            UseShellExecute = false,
            Environment = { ["COG_LSP_CACHE_DIR"] = cache },
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info)!;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
