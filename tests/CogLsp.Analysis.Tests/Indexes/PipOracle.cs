using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CogLsp.Analysis.Tests.Indexes;

/// <summary>
/// Runs Oracle/pip_pick.py with python3: pip's own PackageFinder and resolver decide. A missing python3 or
/// pip fails the calling test with a clear message; an oracle test never passes without asking the oracle.
/// </summary>
internal static class PipOracle
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public sealed record Target(
        [property: JsonPropertyName("major")] int Major,
        [property: JsonPropertyName("minor")] int Minor,
        [property: JsonPropertyName("micro")] int Micro,
        [property: JsonPropertyName("arch")] string Arch,
        [property: JsonPropertyName("glibc_minor")] int GlibcMinor);

    public sealed record OracleFile(
        [property: JsonPropertyName("filename")] string FileName,
        [property: JsonPropertyName("requires_python")] string? RequiresPython,
        [property: JsonPropertyName("yanked_reason")] string? YankedReason,
        [property: JsonPropertyName("sha256")] string? Sha256 = null);

    public sealed record Source(
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("files")] IReadOnlyList<OracleFile> Files);

    public sealed record Case(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("project")] string Project,
        [property: JsonPropertyName("specifier")] string Specifier,
        [property: JsonPropertyName("pre")] bool Pre,
        [property: JsonPropertyName("target")] Target Target,
        [property: JsonPropertyName("sources")] IReadOnlyList<Source> Sources)
    {
        /// <summary>--no-binary ("no") and --only-binary ("only") values, in the order pip applies them.</summary>
        [JsonPropertyName("format_options")]
        public IReadOnlyList<string[]>? FormatOptions { get; init; }

        [JsonPropertyName("prefer_binary")]
        public bool PreferBinary { get; init; }

        /// <summary>The line's --hash values ("sha256:…").</summary>
        [JsonPropertyName("hashes")]
        public IReadOnlyList<string>? Hashes { get; init; }
    }

    public sealed record Pick(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("version")] string? Version,
        [property: JsonPropertyName("filename")] string? FileName);

    public sealed record PlanCase(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("default")] string Default,
        [property: JsonPropertyName("files")] IReadOnlyDictionary<string, string> Files,
        [property: JsonPropertyName("env")] IReadOnlyDictionary<string, string> Environment);

    public sealed record PlanResult(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("index_urls")] IReadOnlyList<string> IndexUrls,
        [property: JsonPropertyName("find_links")] IReadOnlyList<string> FindLinks,
        [property: JsonPropertyName("pre")] bool Pre,
        [property: JsonPropertyName("prefer_binary")] bool PreferBinary,
        [property: JsonPropertyName("no_binary")] IReadOnlyList<string> NoBinary,
        [property: JsonPropertyName("only_binary")] IReadOnlyList<string> OnlyBinary);

    public sealed record Output(
        [property: JsonPropertyName("tags")] IReadOnlyList<IReadOnlyList<string>> Tags,
        [property: JsonPropertyName("picks")] IReadOnlyList<Pick> Picks,
        [property: JsonPropertyName("plans")] IReadOnlyList<PlanResult> Plans);

    public static Output Run(IReadOnlyList<Target> tagTargets, IReadOnlyList<Case> cases, IReadOnlyList<PlanCase>? plans = null)
    {
        var scriptPath = Path.Combine(AppContext.BaseDirectory, "Oracle", "pip_pick.py");
        Assert.True(System.IO.File.Exists(scriptPath), $"oracle script {scriptPath} was not copied to the test output");
        var inputPath = Path.GetTempFileName();
        System.IO.File.WriteAllText(inputPath, JsonSerializer.Serialize(new { tag_targets = tagTargets, cases, plans = plans ?? [] }, Json));
        try
        {
            var start = new ProcessStartInfo("python3", [scriptPath, inputPath])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["PYTHONIOENCODING"] = "utf-8";
            start.Environment["PIP_NO_INDEX"] = null;
            start.Environment["PIP_CONFIG_FILE"] = "/dev/null";
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                Assert.Fail($"python3 is needed for this oracle test (pip is the judge) but could not be started: {e.Message}");
                throw;
            }

            using (process)
            {
                var stderr = process.StandardError.ReadToEndAsync();
                var stdout = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                Assert.True(process.ExitCode == 0, $"the pip oracle failed (is pip installed for python3?): {stderr.Result}");
                return JsonSerializer.Deserialize<Output>(stdout)!;
            }
        }
        finally
        {
            System.IO.File.Delete(inputPath);
        }
    }
}
