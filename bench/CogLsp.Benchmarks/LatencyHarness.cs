using System.Diagnostics;
using System.Text.Json;

namespace CogLsp.Benchmarks;

/// <summary>
/// Measures what an editor user feels, against the real executable: spawn → initialize result, didOpen →
/// first diagnostics, and didChange → diagnostics over simulated keystrokes (p50/p99), for requirements
/// files of several sizes. Figures are medians over repeated runs, printed with a baseline (the
/// 100-line file) so machine noise shows up as a ratio rather than a verdict.
/// </summary>
public static class LatencyHarness
{
    public static async Task<int> RunAsync(string serverPath, int startups = 15, int keystrokes = 1000, int warmup = 100)
    {
        // For quick experiments: COG_LSP_BENCH_STARTUPS=0 COG_LSP_BENCH_SIZES=100,10000 COG_LSP_BENCH_ONLY=pinned COG_LSP_BENCH_KEYSTROKES=200 COG_LSP_BENCH_WARMUP=0
        startups = EnvInt("COG_LSP_BENCH_STARTUPS") ?? startups;
        keystrokes = EnvInt("COG_LSP_BENCH_KEYSTROKES") ?? keystrokes;
        warmup = EnvInt("COG_LSP_BENCH_WARMUP") ?? warmup;
        Pace = EnvInt("COG_LSP_BENCH_PACE_MS") ?? 0;
        WarmupTime = TimeSpan.FromMilliseconds(EnvInt("COG_LSP_BENCH_WARMUP_MS") ?? 8000);
        var sizes = Environment.GetEnvironmentVariable("COG_LSP_BENCH_SIZES") is { Length: > 0 } list
            ? list.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray()
            : [100, 1_000, 10_000];
        var only = Environment.GetEnvironmentVariable("COG_LSP_BENCH_ONLY");
        Console.WriteLine($"server: {serverPath}");
        var startupTimes = new List<double>();
        for (var i = 0; i < startups; i++)
        {
            startupTimes.Add(await MeasureStartupAsync(serverPath));
        }

        if (startups > 0)
        {
            Console.WriteLine($"spawn -> initialize result: median {Median(startupTimes):F1} ms, min {startupTimes.Min():F1} ms, max {startupTimes.Max():F1} ms over {startups} spawns");
        }

        var repeats = EnvInt("COG_LSP_BENCH_REPEATS") ?? 3;
        (string Name, Func<int, string> Make, int Keystrokes)[] corpora =
        [
            ("clean (pip-compile style, nothing to report)", Corpus.CleanRequirementsFile, keystrokes),
            ("pinned (pip-compile style, Cog drops the marker of every 23rd pin: 2 warnings per 100 lines)", Corpus.PinnedRequirementsFile, keystrokes),

            // Thousands of diagnostics per publication: fewer keystrokes, or the run takes many minutes.
            ("dense (a warning on most lines)", Corpus.RequirementsFile, Math.Min(keystrokes, 200)),
        ];
        Console.WriteLine($"each figure: the median over {repeats} servers of that server's percentile; keystrokes {(Pace > 0 ? $"{Pace} ms apart (a fast typist)" : "back to back (each as soon as the previous one's diagnostics arrived)")}");
        foreach (var (corpus, make, count) in corpora)
        {
            if (only is { Length: > 0 } && !corpus.StartsWith(only, StringComparison.Ordinal))
            {
                continue;
            }

            Console.WriteLine($"corpus: {corpus}");
            var baseline = 0.0;
            foreach (var lines in sizes)
            {
                var runs = new List<(double Open, List<double> Typing, int Diagnostics)>();
                for (var r = 0; r < repeats; r++)
                {
                    runs.Add(await MeasureTypingAsync(serverPath, make(lines), lines, warmup, count));
                }

                double Across(Func<List<double>, double> statistic) => Median(runs.Select(r => statistic(r.Typing)).ToList());
                var p50 = Across(t => Percentile(t, 0.50));
                var p99 = Across(t => Percentile(t, 0.99));
                if (lines == sizes[0])
                {
                    baseline = p99;
                }

                Console.WriteLine($"  {lines,6} lines, {runs[0].Diagnostics,5} diagnostics: didOpen -> diagnostics {Median(runs.Select(r => r.Open).ToList()):F1} ms; didChange -> diagnostics over {count} keystrokes (after {warmup}+ unmeasured, {WarmupTime.TotalSeconds:F0} s or more): p50 {p50:F2} ms, p90 {Across(t => Percentile(t, 0.90)):F2} ms, p99 {p99:F2} ms, max {Across(t => t.Max()):F2} ms (p99 = {p99 / baseline:F2}x the {sizes[0]}-line p99; p99 of each server: {string.Join(", ", runs.Select(r => Percentile(r.Typing, 0.99).ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))})");
            }
        }

        return 0;
    }

    private static async Task<double> MeasureStartupAsync(string serverPath)
    {
        var clock = Stopwatch.StartNew();
        using var process = Start(serverPath);
        var client = new SyncLspConnection(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        client.Request("initialize", new { processId = (int?)null, capabilities = new { } });
        var elapsed = clock.Elapsed.TotalMilliseconds;
        client.Request("shutdown", null);
        client.Notify("exit", new { });
        await process.WaitForExitAsync();
        return elapsed;
    }

    private static async Task<(double Open, List<double> Typing, int Diagnostics)> MeasureTypingAsync(string serverPath, string text, int lines, int warmup, int keystrokes)
    {
        var directory = Directory.CreateTempSubdirectory("cog-lsp-bench-");
        var requirements = Path.Combine(directory.FullName, "requirements.txt");
        await File.WriteAllTextAsync(requirements, text);
        await File.WriteAllTextAsync(Path.Combine(directory.FullName, "cog.yaml"), Corpus.CogYaml());
        var uri = new Uri(requirements).AbsoluteUri;

        await using IServerHost server = serverPath == InProcess ? InProcessServer.Start() : ChildServer.Start(serverPath);
        var client = new SyncLspConnection(server.ToServer, server.FromServer);
        client.Request("initialize", new { processId = (int?)null, rootUri = new Uri(directory.FullName).AbsoluteUri, capabilities = new { } });
        client.Notify("initialized", new { });

        // Package indexes: off unless COG_LSP_BENCH_INDEX names one (the `index` mode measures typing with them on).
        var index = Environment.GetEnvironmentVariable("COG_LSP_BENCH_INDEX");
        client.Notify("workspace/didChangeConfiguration", new { settings = new { cogLsp = new { index = string.IsNullOrEmpty(index) ? (object)new { enabled = false } : new { enabled = true, url = index } } } });

        var clock = Stopwatch.StartNew();
        client.Notify("textDocument/didOpen", new { textDocument = new { uri, languageId = "pip-requirements", version = 1, text } });
        var opened = client.WaitFor("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == uri && p.GetProperty("version").GetInt32() == 1);
        var open = clock.Elapsed.TotalMilliseconds;
        var diagnostics = opened.GetProperty("diagnostics").GetArrayLength();
        if (!string.IsNullOrEmpty(index))
        {
            // The server reads the index after a pause in typing, and back-to-back keystrokes never pause: let
            // the answers arrive first, so typing measures the index rules at work (a hover on the first pin
            // names the index once its page is in).
            var waited = Stopwatch.StartNew();
            while (!client.Request("textDocument/hover", new { textDocument = new { uri }, position = new { line = 1, character = 2 } }).ToString().Contains(new Uri(index).Authority, StringComparison.Ordinal))
            {
                if (waited.Elapsed > TimeSpan.FromSeconds(30))
                {
                    throw new InvalidOperationException("The index answers did not arrive within 30 s.");
                }

                Thread.Sleep(100);
            }

            Console.WriteLine($"    index answers in {waited.Elapsed.TotalMilliseconds:F0} ms after the first diagnostics");
        }

        // Type a pinned requirement character by character on a new line in the middle of the file, then
        // delete it again with backspace, over and over: the file keeps its size and its diagnostics
        // (typing the same line again and again would pile up duplicates). The first keystrokes warm the
        // server up and are not counted: at least `warmup` of them, for at least WarmupTime. The runtime
        // recompiles hot code in stages, in the background, for several seconds (measured here: after 2 s a
        // keystroke still took about three times as long as after 8 s); measuring before that is over
        // would compare file sizes in different compilation states.
        var edits = TypeAndEraseEdits("numpy==1.26.4", lines / 2);
        var typing = new List<double>();
        var (pauseBefore, collectionsBefore) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0));
        var warming = Stopwatch.StartNew();
        var measuring = false;
        for (var k = 0; typing.Count < keystrokes; k++)
        {
            var version = k + 2;
            var (line, start, endLine, end, inserted) = edits[k % edits.Count];
            if (Pace > 0)
            {
                Thread.Sleep(Pace);
            }

            measuring |= k >= warmup && warming.Elapsed >= WarmupTime;
            var started = Stopwatch.GetTimestamp();
            client.Notify("textDocument/didChange", new
            {
                textDocument = new { uri, version },
                contentChanges = new[] { new { range = new { start = new { line, character = start }, end = new { line = endLine, character = end } }, text = inserted } },
            });
            client.WaitFor("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == uri && p.GetProperty("version").GetInt32() == version);
            if (measuring)
            {
                typing.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        if (serverPath == InProcess)
        {
            Console.WriteLine($"    in this process while typing: {GC.CollectionCount(0) - collectionsBefore} collections, {(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds:F1} ms paused in all");
        }

        client.Request("shutdown", null);
        client.Notify("exit", new { });
        await server.WaitForExitAsync();
        directory.Delete(true);
        return (open, typing, diagnostics);
    }

    /// <summary>Milliseconds between a keystroke's diagnostics and the next keystroke (0: back to back).</summary>
    private static int Pace { get; set; }

    /// <summary>The least time the unmeasured keystrokes take before measuring starts.</summary>
    private static TimeSpan WarmupTime { get; set; }

    /// <summary>SERVER value that hosts the server in this process (for profilers attached to the benchmark).</summary>
    public const string InProcess = "in-process";

    private interface IServerHost : IAsyncDisposable
    {
        Stream ToServer { get; }

        Stream FromServer { get; }

        Task WaitForExitAsync();
    }

    private sealed class ChildServer(Process process) : IServerHost
    {
        public Stream ToServer => process.StandardInput.BaseStream;

        public Stream FromServer => process.StandardOutput.BaseStream;

        public static ChildServer Start(string path) => new(LatencyHarness.Start(path));

        public Task WaitForExitAsync() => process.WaitForExitAsync();

        public ValueTask DisposeAsync()
        {
            process.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    private sealed class InProcessServer(Microsoft.Extensions.DependencyInjection.ServiceProvider services, CogLsp.Server.Rpc.LspServer server, Stream client) : IServerHost
    {
        public Stream ToServer => client;

        public Stream FromServer => client;

        public static InProcessServer Start()
        {
            var (serverSide, clientSide) = Nerdbank.Streams.FullDuplexStream.CreatePair();
            // As `serve` wires it: one package-index client (the index settings decide whether it is used).
            var services = CogLsp.Server.ServerComposition.BuildServices(new CogLsp.Analysis.Workspace.PhysicalFileSystem(), TextWriter.Null, s => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<CogLsp.Analysis.Indexes.IPackageIndexClient>(s, new CogLsp.PackageIndex.PackageIndexClient()));
            var server = CogLsp.Server.ServerComposition.CreateServer(services, serverSide, serverSide);
            server.Start();
            return new InProcessServer(services, server, clientSide);
        }

        public Task WaitForExitAsync() => Task.CompletedTask;

        public async ValueTask DisposeAsync()
        {
            await client.DisposeAsync();
            await server.DisposeAsync();
            await services.DisposeAsync();
        }
    }

    /// <summary>The keystrokes that type <paramref name="word"/> and a line break at the start of line <paramref name="line"/>, then erase them with backspace.</summary>
    private static List<(int Line, int Start, int EndLine, int End, string Text)> TypeAndEraseEdits(string word, int line)
    {
        var edits = new List<(int, int, int, int, string)>();
        for (var c = 0; c < word.Length; c++)
        {
            edits.Add((line, c, line, c, word[c].ToString()));
        }

        edits.Add((line, word.Length, line, word.Length, "\n"));
        edits.Add((line, word.Length, line + 1, 0, string.Empty));
        for (var c = word.Length; c > 0; c--)
        {
            edits.Add((line, c - 1, line, c, string.Empty));
        }

        return edits;
    }

    private static int? EnvInt(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    private static Process Start(string serverPath) => Process.Start(new ProcessStartInfo(serverPath, "serve")
    {
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        RedirectStandardError = false,
        Environment = { ["COG_LSP_STARTUP_TRACE"] = Environment.GetEnvironmentVariable("COG_LSP_BENCH_GCLOG") == "1" ? "1" : null },
        UseShellExecute = false,
    })!;

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
