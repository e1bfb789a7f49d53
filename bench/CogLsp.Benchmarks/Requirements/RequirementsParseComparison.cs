using System.Diagnostics;
using System.Globalization;
using CogLsp.Syntax.Requirements;

namespace CogLsp.Benchmarks.Requirements;

/// <summary>
/// Parse throughput of our parser against pip's own requirements-file parser (python3 with pip,
/// run from here on the same generated 10,000-line file): pip's line reader and option parser plus
/// the requirement construction it does for each requirement line. Prints medians of several runs.
/// </summary>
public static class RequirementsParseComparison
{
    private const string PipTimer = """
        import statistics, sys, time, logging
        logging.disable(logging.CRITICAL)
        from pip._internal.network.session import PipSession
        from pip._internal.req.req_file import RequirementsFileParser, get_line_parser, handle_requirement_line
        from pip._internal.req.constructors import install_req_from_parsed_requirement
        path, runs = sys.argv[1], int(sys.argv[2])
        session = PipSession()
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            for line in RequirementsFileParser(session, get_line_parser(None)).parse(path, False):
                if line.is_requirement:
                    install_req_from_parsed_requirement(handle_requirement_line(line))
            times.append(time.perf_counter() - start)
        print(statistics.median(times))
        """;

    public static void Run(int runs = 7)
    {
        var text = RequirementsCorpus.Generate(10_000);
        var megabytes = System.Text.Encoding.UTF8.GetByteCount(text) / (1024.0 * 1024.0);
        var path = Path.Combine(Path.GetTempPath(), "cog-lsp-bench-requirements.txt");
        var script = Path.Combine(Path.GetTempPath(), "cog-lsp-bench-pip.py");
        File.WriteAllText(path, text);
        File.WriteAllText(script, PipTimer);

        // Warm up the JIT and give tiered compilation time to finish in the background, then time whole
        // parses (garbage collection included: the tree a parse keeps is part of its cost).
        for (var i = 0; i < 30; i++)
        {
            RequirementsSyntaxTree.Parse(text);
        }

        Thread.Sleep(500);

        // Our parse is short, so it gets more samples than pip's for a steady median on a shared machine.
        var ours = new List<double>();
        for (var i = 0; i < runs * 3; i++)
        {
            // Each run starts from a clean heap, so it pays for its own garbage and not for the previous tree's.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var sw = Stopwatch.StartNew();
            var tree = RequirementsSyntaxTree.Parse(text);
            sw.Stop();
            GC.KeepAlive(tree);
            ours.Add(sw.Elapsed.TotalSeconds);
        }

        var oursSeconds = Median(ours);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"requirements parse, 10,000 lines ({megabytes:F2} MB), median of {runs * 3} runs (pip: {runs})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  cog-lsp: {oursSeconds * 1000:F1} ms, {megabytes / oursSeconds:F1} MB/s"));

        double pipSeconds;
        try
        {
            var start = new ProcessStartInfo("python3", [script, path, runs.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"  pip: could not be timed: {stderr.Result.Trim()}");
                return;
            }

            pipSeconds = double.Parse(output.Trim(), CultureInfo.InvariantCulture);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.WriteLine($"  pip: python3 could not be started: {e.Message}");
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  pip:     {pipSeconds * 1000:F1} ms, {megabytes / pipSeconds:F2} MB/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ratio:   {pipSeconds / oursSeconds:F1}x pip's throughput"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
