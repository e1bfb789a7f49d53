using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Projects;

namespace CogLsp.Benchmarks;

/// <summary>Runs Cog's resolution on a 10,000-line file many times: a steady load to profile (`dotnet-trace`) or time.</summary>
public static class ResolverLoop
{
    public static int Run(int rounds = 40)
    {
        var text = Environment.GetEnvironmentVariable("COG_LSP_BENCH_CORPUS") == "dense" ? Corpus.RequirementsFile(10_000) : Corpus.PinnedRequirementsFile(10_000);
        var config = new CogBuildConfig { CogYamlPath = "/p/cog.yaml", Gpu = true, PythonVersion = "3.11", PythonRequirements = "requirements.txt" };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var findings = 0;
        string? error = null;
        for (var i = 0; i < rounds; i++)
        {
            var resolution = CogResolver.Resolve(config, text);
            findings = resolution.Findings.Length;
            error = resolution.Error;
        }

        Console.WriteLine($"Cog resolution of 10,000 lines: {clock.Elapsed.TotalMilliseconds / rounds:F1} ms per run ({findings} findings{(error is null ? string.Empty : ", Cog error: " + error)})");
        return 0;
    }
}
