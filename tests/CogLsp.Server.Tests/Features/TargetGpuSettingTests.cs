using System.Text.Json;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Session;
using Microsoft.Extensions.DependencyInjection;

namespace CogLsp.Server.Tests.Features;

/// <summary>
/// The `cogLsp.targetGpus` setting and what the server asks the machine once it is initialized
/// (nvidia-smi, `cog --version`), through a fake process runner that records its calls.
/// </summary>
public class TargetGpuSettingTests
{
    private const string CogYamlUri = "file:///p/cog.yaml";
    private const string RequirementsUri = "file:///p/requirements.txt";
    private const string GpuCogYaml = "build:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n";

    private sealed class FakeRunner(Dictionary<string, string?> answers) : IProcessRunner
    {
        public List<string> Calls { get; } = [];

        public string? Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout)
        {
            lock (Calls)
            {
                Calls.Add(program + " " + string.Join(' ', arguments));
            }

            return answers.GetValueOrDefault(program);
        }
    }

    private static InProcessServer Start(FakeRunner runner) =>
        new(new InMemoryFileSystem().Add("/p/requirements.txt", "torch==2.4.1\n"), services => services.AddSingleton<IProcessRunner>(runner));

    private static async Task<List<(string? Code, string? Message)>> Pull(InProcessServer server, string uri)
    {
        var report = await server.Client.ResultAsync("textDocument/diagnostic", new { textDocument = new { uri } });
        return report.GetProperty("items").EnumerateArray().Select(d => (d.GetProperty("code").GetString(), d.GetProperty("message").GetString())).ToList();
    }

    /// <summary>Initializes as a pull client, then sends a second `initialized`, which must not ask the machine again.</summary>
    private static async Task Initialize(InProcessServer server)
    {
        await server.Client.InitializeAsync(new { textDocument = new { diagnostic = new { } } });
        await server.Client.NotifyAsync("initialized", new { });
    }

    [Fact]
    public async Task The_setting_names_the_targets_and_an_unknown_name_is_logged()
    {
        var runner = new FakeRunner([]);
        await using var server = Start(runner);
        await Initialize(server);
        await server.Client.OpenAsync(CogYamlUri, GpuCogYaml);
        await server.Client.OpenAsync(RequirementsUri, "torch==2.4.1\n", languageId: "pip-requirements");
        Assert.DoesNotContain(await Pull(server, RequirementsUri), d => d.Code == "REQ0530");

        await server.Client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { cogLsp = new { targetGpus = new[] { "B200", "Voodoo5" } } } });
        var warning = Assert.Single(await Pull(server, RequirementsUri), d => d.Code == "REQ0530");
        Assert.StartsWith("torch 2.4.1 (CUDA 12.4) has no kernels for B200 (sm_100)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("unknown GPU 'Voodoo5'", server.Log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_setting_the_machine_is_asked_once_and_its_cog_is_named()
    {
        var runner = new FakeRunner(new() { ["nvidia-smi"] = "9.0\n", ["cog"] = "cog version 0.17.1 (built x)\n" });
        await using var server = Start(runner);
        await Initialize(server);
        await server.Client.OpenAsync(CogYamlUri, GpuCogYaml.Replace("python_requirements: requirements.txt", "python_packages:\n    - torch==1.13.1", StringComparison.Ordinal));
        var diagnostics = await Pull(server, CogYamlUri);
        Assert.StartsWith("torch 1.13.1 (CUDA 11.7) has no kernels for this machine's GPU (sm_90)", Assert.Single(diagnostics, d => d.Code == "COG0630").Message, StringComparison.Ordinal);
        Assert.StartsWith("The cog installed here is 0.17.1;", Assert.Single(diagnostics, d => d.Code == "COG0510").Message, StringComparison.Ordinal);
        await server.Client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { cogLsp = new { inlayHints = false } } });
        await Pull(server, CogYamlUri);
        Assert.Equal(["nvidia-smi --query-gpu=compute_cap --format=csv,noheader", "cog --version"], runner.Calls);
    }
}
