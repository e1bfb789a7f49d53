using BenchmarkDotNet.Running;
using CogLsp.Benchmarks;

// bench: `dotnet run -c Release --project bench/CogLsp.Benchmarks -- <what>`
//   latency [SERVER]   end-to-end latency of the real server (spawn, open, keystrokes); SERVER "in-process" hosts it here (for profilers)
//   parse              requirements parse throughput (MB/s) against pip's own parser on the same file
//   stages             one keystroke's server path stage by stage, in process (where the time goes)
//   analyzers [ROUNDS] median time of each requirements analyzer per edited snapshot (100 to 10,000 lines)
//   index [SERVER]     package indexes: cold-cache diagnostics of a 100-package file against a loopback index with
//                      50 ms latency, warm-cache check --online against check, and typing with the index on and off
//   micro [filter]     BenchmarkDotNet micro-benchmarks (SourceText, parsers)
//   builds             every publish option and yaml-language-server side by side: start-up, peak RSS, package size
var what = args.Length > 0 ? args[0] : "latency";
switch (what)
{
    case "latency":
        var server = args.Length > 1 ? args[1] : Path.Combine(AppContext.BaseDirectory, "cog-lsp");
        return await LatencyHarness.RunAsync(server);
    case "parse":
        CogLsp.Benchmarks.Requirements.RequirementsParseComparison.Run();
        return 0;
    case "analyzers":
        return AnalyzerCosts.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
    case "stages":
        return KeystrokeStages.Run();
    case "resolver":
        return ResolverLoop.Run();
    case "builds":
        return await BuildComparison.RunAsync();
    case "index":
        return await IndexBench.RunAsync(args.Length > 1 ? args[1] : Path.Combine(AppContext.BaseDirectory, "cog-lsp"));
    case "micro":
        BenchmarkSwitcher.FromAssembly(typeof(SourceTextBenchmarks).Assembly).Run(args[1..]);
        return 0;
    default:
        Console.Error.WriteLine("usage: CogLsp.Benchmarks latency [SERVER] | parse | stages | analyzers | resolver | builds | index | micro [BenchmarkDotNet args]");
        return 2;
}
