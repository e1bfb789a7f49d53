using System.Text.Json;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Server.Tests.Features;

/// <summary>The build preview as a client sees it: textDocument/codeLens, workspace/executeCommand cogLsp.preview, workspace/codeLens/refresh.</summary>
public class BuildPreviewTests
{
    private const string CogYamlUri = "file:///project/cog.yaml";
    private const string RequirementsUri = "file:///project/requirements.txt";
    private const string CogYaml = "build:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\nrun: \"predict.py:Predictor\"\n";
    private const string Requirements = "torch==2.1.0\nnumpy==1.26.4\n";

    private static async Task<InProcessServer> StartAsync(object? capabilities = null)
    {
        var files = new InMemoryFileSystem().Add("/project/cog.yaml", CogYaml).Add("/project/requirements.txt", Requirements);
        var server = new InProcessServer(files);
        await server.Client.InitializeAsync(capabilities, rootUri: "file:///project");
        return server;
    }

    private static string Lenses(JsonElement result) =>
        string.Join("\n", result.EnumerateArray().Select(l =>
        {
            var range = l.GetProperty("range");
            var command = l.GetProperty("command");
            return $"{range.GetProperty("start").GetProperty("line")}:{range.GetProperty("start").GetProperty("character")}-{range.GetProperty("end").GetProperty("line")}:{range.GetProperty("end").GetProperty("character")} "
                + $"{command.GetProperty("title").GetString()} → {command.GetProperty("command").GetString()} {command.GetProperty("arguments")}";
        }));

    [Fact]
    public async Task Initialize_advertises_code_lenses_and_both_commands()
    {
        var files = new InMemoryFileSystem();
        await using var server = new InProcessServer(files);
        var init = await server.Client.InitializeAsync();
        var capabilities = init.GetProperty("capabilities");
        Assert.False(capabilities.GetProperty("codeLensProvider").GetProperty("resolveProvider").GetBoolean());
        Assert.Equal("[\"cogLsp.applyCodeAction\",\"cogLsp.preview\"]", capabilities.GetProperty("executeCommandProvider").GetProperty("commands").GetRawText());
    }

    [Fact]
    public async Task Code_lens_above_requirements_txt_and_on_build_opens_the_preview_of_cog_yaml()
    {
        await using var server = await StartAsync();
        await server.Client.OpenAsync(RequirementsUri, Requirements, languageId: "pip-requirements");
        Assert.Equal(
            "0:0-0:0 Cog: Python 3.11 · CUDA 12.1 · cuDNN 8 · 2 packages · nvidia/cuda:12.1.1-cudnn8-devel-ubuntu22.04 → cogLsp.preview [\"file:///project/cog.yaml\"]",
            Lenses(await server.Client.ResultAsync("textDocument/codeLens", new { textDocument = new { uri = RequirementsUri } })));

        await server.Client.OpenAsync(CogYamlUri, CogYaml);
        Assert.Equal(
            "0:0-0:5 Cog: Python 3.11 · CUDA 12.1 · cuDNN 8 · 2 packages · nvidia/cuda:12.1.1-cudnn8-devel-ubuntu22.04 → cogLsp.preview [\"file:///project/cog.yaml\"]",
            Lenses(await server.Client.ResultAsync("textDocument/codeLens", new { textDocument = new { uri = CogYamlUri } })));
    }

    [Fact]
    public async Task Preview_command_returns_the_text_for_cog_yaml_or_its_requirements_file_with_unsaved_edits()
    {
        await using var server = await StartAsync();
        await server.Client.OpenAsync(RequirementsUri, "torch==2.1.0\n", languageId: "pip-requirements");
        var fromCogYaml = (await server.Client.ResultAsync("workspace/executeCommand", new { command = "cogLsp.preview", arguments = new[] { CogYamlUri } })).GetString()!;
        Assert.StartsWith("# Cog build preview: cog.yaml\n", fromCogYaml, StringComparison.Ordinal);
        Assert.Contains("```text\n--extra-index-url https://download.pytorch.org/whl/cu121/\ntorch==2.1.0\n```\n", fromCogYaml, StringComparison.Ordinal);
        var fromRequirements = (await server.Client.ResultAsync("workspace/executeCommand", new { command = "cogLsp.preview", arguments = new[] { RequirementsUri } })).GetString();
        Assert.Equal(fromCogYaml, fromRequirements);
    }

    [Theory]
    [InlineData("[]", "cogLsp.preview needs the URI of a cog.yaml as its argument.")]
    [InlineData("[\"file:///project/missing.yaml\"]", "cogLsp.preview: cannot read file:///project/missing.yaml.")]
    [InlineData("[\"file:///project/predict.py\"]", "cogLsp.preview: file:///project/predict.py is neither a cog.yaml nor a requirements file a cog.yaml uses.")]
    public async Task Preview_command_with_a_bad_argument_is_an_invalid_params_error(string arguments, string message)
    {
        await using var server = await StartAsync();
        server.Files.Add("/project/predict.py", "class Predictor: pass\n");
        var response = await server.Client.RequestAsync("workspace/executeCommand", new { command = "cogLsp.preview", arguments = JsonDocument.Parse(arguments).RootElement });
        Assert.Equal(-32602, response.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(message, response.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_unknown_command_is_an_invalid_params_error()
    {
        await using var server = await StartAsync();
        var response = await server.Client.RequestAsync("workspace/executeCommand", new { command = "cogLsp.nothing", arguments = Array.Empty<string>() });
        Assert.Equal(-32602, response.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task Clients_with_refresh_support_are_asked_to_refresh_when_an_edit_of_cog_yaml_moves_the_lens_they_show_on_requirements_txt()
    {
        var refreshed = new TaskCompletionSource();
        await using var server = await StartAsync(new { workspace = new { codeLens = new { refreshSupport = true } } });
        server.Client.ServerRequestHandlers["workspace/codeLens/refresh"] = _ =>
        {
            refreshed.TrySetResult();
            return null;
        };
        await server.Client.OpenAsync(RequirementsUri, Requirements, languageId: "pip-requirements");
        await server.Client.OpenAsync(CogYamlUri, CogYaml);
        Assert.Contains("CUDA 12.1", Lenses(await server.Client.ResultAsync("textDocument/codeLens", new { textDocument = new { uri = RequirementsUri } })), StringComparison.Ordinal);
        await server.Client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = CogYamlUri, version = 2 },
            contentChanges = new[] { new { range = new { start = new { line = 1, character = 7 }, end = new { line = 1, character = 11 } }, text = "false" } },
        });
        await refreshed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(
            "0:0-0:0 Cog: Python 3.11 · 2 packages · python:3.11-slim → cogLsp.preview [\"file:///project/cog.yaml\"]",
            Lenses(await server.Client.ResultAsync("textDocument/codeLens", new { textDocument = new { uri = RequirementsUri } })));
    }
}
