using System.Text.Json;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Server.Tests.Features;

/// <summary>cog.yaml and the requirements file it uses are analysed together, whichever of them is open.</summary>
public class CrossFileTests
{
    private const string CogYamlUri = "file:///p/cog.yaml";
    private const string RequirementsUri = "file:///p/requirements.txt";
    private const string GpuCogYaml = "build:\n  gpu: true\n  python_version: \"3.10\"\n  python_requirements: requirements.txt\n";

    private static InProcessServer Start() =>
        new(new InMemoryFileSystem().Add("/p/requirements.txt", "torch==1.11.0\n"));

    private static IEnumerable<string?> Messages(JsonElement published) =>
        published.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("message").GetString());

    [Fact]
    public async Task Turning_gpu_off_in_cog_yaml_updates_the_requirements_diagnostics_without_opening_that_file()
    {
        await using var server = Start();
        await server.Client.InitializeAsync();
        await server.Client.OpenAsync(CogYamlUri, GpuCogYaml);
        await server.Client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == RequirementsUri && Messages(p).Any(m => m!.Contains("1.11.0+cu113", StringComparison.Ordinal)));

        await server.Client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = CogYamlUri, version = 2 },
            contentChanges = new[] { new { range = new { start = new { line = 1, character = 7 }, end = new { line = 1, character = 11 } }, text = "false" } },
        });
        var published = await server.Client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == RequirementsUri && !Messages(p).Any(m => m!.Contains("+cu113", StringComparison.Ordinal)));
        Assert.DoesNotContain(Messages(published), m => m!.Contains("cu113", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pull_clients_are_asked_to_refresh_when_cog_yaml_changes()
    {
        await using var server = Start();
        var refreshed = new TaskCompletionSource();
        server.Client.ServerRequestHandlers["workspace/diagnostic/refresh"] = _ =>
        {
            refreshed.TrySetResult();
            return null;
        };
        await server.Client.InitializeAsync(new { textDocument = new { diagnostic = new { } }, workspace = new { diagnostics = new { refreshSupport = true } } });
        await server.Client.OpenAsync(CogYamlUri, GpuCogYaml);
        await server.Client.OpenAsync(RequirementsUri, "torch==1.11.0\n", languageId: "pip-requirements");
        var before = await server.Client.ResultAsync("textDocument/diagnostic", new { textDocument = new { uri = RequirementsUri } });
        Assert.Contains(before.GetProperty("items").EnumerateArray(), d => d.GetProperty("message").GetString()!.Contains("+cu113", StringComparison.Ordinal));

        await server.Client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = CogYamlUri, version = 2 },
            contentChanges = new[] { new { range = new { start = new { line = 1, character = 7 }, end = new { line = 1, character = 11 } }, text = "false" } },
        });
        await refreshed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var after = await server.Client.ResultAsync("textDocument/diagnostic", new { textDocument = new { uri = RequirementsUri }, previousResultId = before.GetProperty("resultId").GetString() });
        Assert.Equal("full", after.GetProperty("kind").GetString());
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), d => d.GetProperty("message").GetString()!.Contains("+cu113", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Inlay_hints_show_the_installed_build_and_can_be_turned_off()
    {
        await using var server = Start();
        await server.Client.InitializeAsync();
        await server.Client.OpenAsync(CogYamlUri, GpuCogYaml);
        await server.Client.OpenAsync(RequirementsUri, "torch==1.11.0\n", languageId: "pip-requirements");
        var range = new { start = new { line = 0, character = 0 }, end = new { line = 1, character = 0 } };
        var hints = await server.Client.ResultAsync("textDocument/inlayHint", new { textDocument = new { uri = RequirementsUri }, range });
        var hint = Assert.Single(hints.EnumerateArray());
        Assert.Contains("1.11.0+cu113", hint.GetProperty("label").GetString());
        Assert.Equal(0, hint.GetProperty("position").GetProperty("line").GetInt32());

        await server.Client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { cogLsp = new { inlayHints = false } } });
        var none = await server.Client.ResultAsync("textDocument/inlayHint", new { textDocument = new { uri = RequirementsUri }, range });
        Assert.Equal(0, none.GetArrayLength());
    }

    [Fact]
    public async Task Go_to_definition_on_an_include_opens_the_included_file()
    {
        await using var server = new InProcessServer(new InMemoryFileSystem().Add("/p/base.txt", "numpy==1.26.4\n"));
        await server.Client.InitializeAsync();
        await server.Client.OpenAsync(RequirementsUri, "-r base.txt\ntorch==2.0.1\n", languageId: "pip-requirements");
        var definition = await server.Client.ResultAsync("textDocument/definition", new { textDocument = new { uri = RequirementsUri }, position = new { line = 0, character = 5 } });
        Assert.Equal("file:///p/base.txt", Assert.Single(definition.EnumerateArray()).GetProperty("uri").GetString());
        var none = await server.Client.ResultAsync("textDocument/definition", new { textDocument = new { uri = RequirementsUri }, position = new { line = 1, character = 2 } });
        Assert.Equal(0, none.GetArrayLength());
    }
}
