using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

namespace CogLsp.Benchmarks;

/// <summary>
/// `builds`: every way of publishing the server side by side with yaml-language-server (pinned in
/// bench/yaml-language-server/, given Cog's JSON schema for cog.yaml), in one run: start-up, peak memory and
/// package size. Each option is published for this machine into artifacts/bench-builds/NAME (reused when
/// present; COG_LSP_BENCH_REBUILD=1 publishes again). Every server does the same work on the same 31-line
/// cog.yaml; figures are medians over COG_LSP_BENCH_RUNS runs (default 10), the runs of all servers
/// interleaved so a burst of load elsewhere on the machine spreads over all of them.
/// </summary>
public static class BuildComparison
{
    /// <summary>A way to publish, or a runtime variant (environment) of another option's published server.</summary>
    private sealed record Option(string Name, string What, string[] PublishArguments, string? Reuses = null, (string Name, string Value)[]? Environment = null);

    private static readonly Option[] Options =
    [
        new("untrimmed-r2r", "self-contained single-file ReadyToRun (the build before this comparison)", ["-p:CogLspBuild=untrimmed"]),
        new("trimmed-r2r", "trimmed (full), single-file, ReadyToRun: chosen for osx-* and win-x64", ["-p:CogLspBuild=trimmed"]),
        new("trimmed-partial-r2r", "trimmed (partial), single-file, ReadyToRun", ["-p:CogLspBuild=trimmed", "-p:TrimMode=partial"]),
        new("trimmed-r2r-compressed", "trimmed-r2r, single file compressed", ["-p:CogLspBuild=trimmed", "-p:EnableCompressionInSingleFile=true"]),
        new("trimmed-jit", "trimmed (full), single-file, no ReadyToRun", ["-p:CogLspBuild=trimmed", "-p:PublishReadyToRun=false"]),
        new("trimmed-r2r-tuned", "trimmed-r2r run with TieredPGO off, workstation non-concurrent GC, GCConserveMemory=5", [], "trimmed-r2r",
            [("DOTNET_TieredPGO", "0"), ("DOTNET_gcConcurrent", "0"), ("DOTNET_GCConserveMemory", "5")]),
        new("aot", "Native AOT: chosen for linux-x64 and linux-arm64", ["-p:CogLspBuild=aot"]),
        new("aot-size", "Native AOT, OptimizationPreference=Size", ["-p:CogLspBuild=aot", "-p:OptimizationPreference=Size"]),
        new("aot-tuned", "aot run with workstation non-concurrent GC, GCConserveMemory=5", [], "aot",
            [("DOTNET_gcConcurrent", "0"), ("DOTNET_GCConserveMemory", "5")]),
    ];

    private const string Yls = "yaml-language-server";

    public static async Task<int> RunAsync()
    {
        var root = FindRoot();
        var runs = Env("COG_LSP_BENCH_RUNS") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 10;
        var only = Env("COG_LSP_BENCH_BUILDS")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var chosen = Options.Where(o => only is null || only.Contains(o.Name)).ToList();
        var rid = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;

        var servers = new List<Server>();
        foreach (var option in chosen)
        {
            var folder = Path.Combine(root, "artifacts", "bench-builds", option.Reuses ?? option.Name);
            if (!File.Exists(Path.Combine(folder, "cog-lsp")) || Env("COG_LSP_BENCH_REBUILD") == "1")
            {
                if (!Publish(root, rid, Options.Single(o => o.Name == (option.Reuses ?? option.Name)).PublishArguments, folder))
                {
                    Console.WriteLine($"{option.Name}: could not be published (see above); left out");
                    continue;
                }
            }

            servers.Add(new Server(option.Name, option.What, Path.Combine(folder, "cog-lsp"), [], folder, option.Environment ?? []));
        }

        var ylsFolder = Path.Combine(root, "bench", "yaml-language-server");
        var ylsMain = Path.Combine(ylsFolder, "node_modules", "yaml-language-server", "bin", "yaml-language-server");
        var schema = FindSchema(root);
        if (!File.Exists(ylsMain))
        {
            Console.Error.WriteLine($"{ylsMain} is missing: run `npm ci` in bench/yaml-language-server");
            return 1;
        }

        if (schema is null)
        {
            Console.Error.WriteLine("Cog's config_schema_v1.0.json was not found: set COG_LSP_BENCH_SCHEMA to its path");
            return 1;
        }

        servers.Add(new Server(Yls, "yaml-language-server 2.0.0 with Cog's schema (Node " + NodeVersion() + ")", "node", [ylsMain, "--stdio"], Path.Combine(ylsFolder, "node_modules"), []));

        var work = Directory.CreateTempSubdirectory("cog-lsp-builds-");
        var cogYaml = Path.Combine(work.FullName, "cog.yaml");
        await File.WriteAllTextAsync(cogYaml, CogYaml);
        await File.WriteAllTextAsync(Path.Combine(work.FullName, "requirements.txt"), "torch==2.3.1\nnumpy>=1.26\npillow\n");
        await File.WriteAllTextAsync(Path.Combine(work.FullName, "predict.py"), "class Predictor:\n    pass\n");

        Console.WriteLine($"machine: {System.Environment.ProcessorCount} cores, load average {LoadAverage()}; {runs} runs per server, interleaved; cog.yaml of {CogYaml.Split('\n').Length - 1} lines");
        var results = servers.ToDictionary(s => s.Name, _ => new List<Measurement>());
        for (var run = 0; run < runs; run++)
        {
            foreach (var server in servers)
            {
                results[server.Name].Add(await MeasureAsync(server, work.FullName, cogYaml, schema));
            }
        }

        work.Delete(true);
        Print(servers, results);
        return 0;
    }

    private sealed record Server(string Name, string What, string Program, string[] Arguments, string PackageFolder, (string Name, string Value)[] Environment);

    private sealed record Measurement(double Initialized, double FirstDiagnostics, double PeakRssMiB);

    /// <summary>
    /// One server's session: spawn → initialize answered → (settings) → didOpen cog.yaml → its first
    /// diagnostics (start-up), then five edits each waited for, a hover, and the peak resident set (VmHWM).
    /// </summary>
    private static async Task<Measurement> MeasureAsync(Server server, string folder, string cogYaml, string schema)
    {
        var info = new ProcessStartInfo(server.Program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in server.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in server.Environment)
        {
            info.Environment[name] = value;
        }

        var uri = new Uri(cogYaml).AbsoluteUri;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        _ = process.StandardError.ReadToEndAsync();
        var client = new SyncLspConnection(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        client.Request("initialize", new
        {
            processId = System.Environment.ProcessId,
            rootUri = new Uri(folder).AbsoluteUri,
            capabilities = new { textDocument = new { publishDiagnostics = new { }, hover = new { contentFormat = new[] { "markdown", "plaintext" } } } },
        });
        var initialized = clock.Elapsed.TotalMilliseconds;
        client.Notify("initialized", new { });
        if (server.Name == Yls)
        {
            // Without the configuration capability the server takes its settings from this notification.
            client.Notify("workspace/didChangeConfiguration", new
            {
                settings = new
                {
                    yaml = new
                    {
                        validate = true,
                        hover = true,
                        completion = true,
                        schemaStore = new { enable = false },
                        schemas = new Dictionary<string, string[]> { [new Uri(schema).AbsoluteUri] = ["cog.yaml", "**/cog.yaml"] },
                    },
                },
            });
        }

        var text = CogYaml;
        client.Notify("textDocument/didOpen", new { textDocument = new { uri, languageId = "yaml", version = 1, text } });
        client.WaitFor("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == uri);
        var firstDiagnostics = clock.Elapsed.TotalMilliseconds;

        // The same small session for everyone: a few edits (each waited for), then a hover.
        for (var version = 2; version <= 6; version++)
        {
            text = text.Replace($"  python_version: \"3.1{version - 1}\"", $"  python_version: \"3.1{version}\"", StringComparison.Ordinal);
            client.Notify("textDocument/didChange", new { textDocument = new { uri, version }, contentChanges = new[] { new { text } } });
            client.WaitFor("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == uri);
        }

        client.Request("textDocument/hover", new { textDocument = new { uri }, position = new { line = 2, character = 5 } });
        var peak = PeakRssMiB(process.Id);
        client.Request("shutdown", null);
        client.Notify("exit", new { });
        if (!process.WaitForExit(5000))
        {
            process.Kill();
        }

        return new Measurement(initialized, firstDiagnostics, peak);
    }

    private static void Print(List<Server> servers, Dictionary<string, List<Measurement>> results)
    {
        var baseline = results[Yls];
        var baseStart = Median(baseline.Select(m => m.FirstDiagnostics));
        var baseRss = Median(baseline.Select(m => m.PeakRssMiB));
        Console.WriteLine();
        Console.WriteLine("start-up: process start -> first publishDiagnostics of cog.yaml (initialize answered in brackets); peak RSS: VmHWM after open, 5 edits, hover");
        Console.WriteLine($"{"server",-24} {"start-up ms",16} {"x yls",6} {"peak RSS MiB",13} {"x yls",6} {"folder MB",10} {"zipped MB",10}  what");
        foreach (var server in servers)
        {
            var m = results[server.Name];
            var start = Median(m.Select(x => x.FirstDiagnostics));
            var rss = Median(m.Select(x => x.PeakRssMiB));
            var (size, zipped) = server.Environment.Length > 0 && server.Name != Yls ? (double.NaN, double.NaN) : PackageSize(server.PackageFolder);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{server.Name,-24} {$"{start:F0} ({Median(m.Select(x => x.Initialized)):F0})",16} {start / baseStart,6:F2} {rss,13:F1} {rss / baseRss,6:F2} {Mb(size),10} {Mb(zipped),10}  {server.What}"));
        }

        Console.WriteLine("(yaml-language-server's folder is its node_modules, without Node itself; a variant run with other settings shares its build's size.)");
    }

    private static string Mb(double bytes) => double.IsNaN(bytes) ? "same" : (bytes / 1e6).ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>What a .vsix would carry: every file of the folder, and the folder deflated into a zip (a .vsix is one).</summary>
    private static (double Bytes, double Zipped) PackageSize(string folder)
    {
        var bytes = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        var zip = Path.Combine(Path.GetTempPath(), $"cog-lsp-size-{Guid.NewGuid():N}.zip");
        ZipFile.CreateFromDirectory(folder, zip, CompressionLevel.Optimal, includeBaseDirectory: false);
        var zipped = new FileInfo(zip).Length;
        File.Delete(zip);
        return (bytes, zipped);
    }

    private static bool Publish(string root, string rid, string[] arguments, string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, true);
        }

        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in (string[])["publish", Path.Combine(root, "server", "CogLsp.Server", "CogLsp.Server.csproj"), "-c", "Release", "-r", rid, "-o", folder, "-nologo", "-v:q", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        Console.WriteLine($"publishing: dotnet {string.Join(' ', info.ArgumentList)}");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            return false;
        }

        // What publish-server.sh also removes: symbols are not shipped.
        foreach (var symbols in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".pdb", StringComparison.Ordinal) || f.EndsWith(".dbg", StringComparison.Ordinal)))
        {
            File.Delete(symbols);
        }

        Console.WriteLine($"  published in {clock.Elapsed.TotalSeconds:F0} s");
        return true;
    }

    private static double PeakRssMiB(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }

    private static string? FindSchema(string root)
    {
        string[] candidates =
        [
            Env("COG_LSP_BENCH_SCHEMA") ?? string.Empty,
            Path.Combine(root, "..", "shared", "reference", "cog-head", "config_schema_v1.0.json"),
            "/work/shared/reference/cog-head/config_schema_v1.0.json",
        ];
        return candidates.Where(c => c.Length > 0 && File.Exists(c)).Select(Path.GetFullPath).FirstOrDefault();
    }

    private static string NodeVersion()
    {
        using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
        var version = node.StandardOutput.ReadToEnd().Trim();
        node.WaitForExit();
        return version;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string? Env(string name) => System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CogLsp.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CogLsp.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A 31-line cog.yaml of the usual kind: GPU build, system and Python packages, run steps, predict and train.</summary>
    private const string CogYaml = """
        # Configuration for Cog
        build:
          gpu: true
          cuda: "12.1"
          python_version: "3.11"
          system_packages:
            - "ffmpeg"
            - "libgl1-mesa-glx"
            - "libglib2.0-0"
            - "git"
          python_packages:
            - "torch==2.3.1"
            - "torchvision==0.18.1"
            - "transformers==4.41.2"
            - "accelerate==0.31.0"
            - "safetensors==0.4.3"
            - "pillow==10.3.0"
            - "numpy<2"
          run:
            - command: pip install --upgrade pip
            - curl -o /usr/local/bin/pget -L https://example.com/pget
            - chmod +x /usr/local/bin/pget
        image: "r8.im/example/model"
        predict: "predict.py:Predictor"
        train: "predict.py:train"
        concurrency:
          max: 4
        environment:
          - HF_HUB_OFFLINE=1
          - TOKENIZERS_PARALLELISM=false
        tests: []

        """;
}
