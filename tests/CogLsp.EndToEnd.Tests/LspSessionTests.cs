using System.Text.Json;
using CogLsp.Tests.Shared;

namespace CogLsp.EndToEnd.Tests;

/// <summary>The real executable, spoken to over its stdin/stdout as an editor would.</summary>
public class LspSessionTests
{
    [Fact]
    public async Task A_whole_session_initialize_open_diagnostics_hover_shutdown_exit()
    {
        var project = Directory.CreateTempSubdirectory("cog-lsp-e2e-");
        var cogYaml = Path.Combine(project.FullName, "cog.yaml");
        var text = "build:\n  python_version: \"3.11\n  gpu: true\n";
        await File.WriteAllTextAsync(cogYaml, text);
        var uri = new Uri(cogYaml).AbsoluteUri;

        using var process = ServerBinary.StartInRoot("serve");
        var stderr = process.StandardError.ReadToEndAsync();
        var client = new LspTestClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);

        var init = await client.InitializeAsync(rootUri: new Uri(project.FullName).AbsoluteUri);
        Assert.True(init.GetProperty("capabilities").GetProperty("hoverProvider").GetBoolean());

        await client.OpenAsync(uri, text);
        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == uri);
        var diagnostic = Assert.Single(published.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("COG0001", diagnostic.GetProperty("code").GetString());

        var hover = await client.RequestAsync("textDocument/hover", new { textDocument = new { uri }, position = new { line = 0, character = 1 } });
        Assert.True(hover.TryGetProperty("result", out _), hover.ToString());

        Assert.Equal(JsonValueKind.Null, (await client.RequestAsync("shutdown")).GetProperty("result").ValueKind);
        await client.NotifyAsync("exit");
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, process.ExitCode);
        Assert.DoesNotContain("Exception", await stderr);
        project.Delete(recursive: true);
    }

    [Fact]
    public async Task Closing_stdin_without_shutdown_ends_the_process_with_code_1()
    {
        using var process = ServerBinary.StartInRoot();
        var client = new LspTestClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        await client.InitializeAsync();
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, process.ExitCode);
    }

    [Theory]
    [InlineData("--stdio")]
    [InlineData("serve", "--stdio")]
    public async Task The_stdio_flag_that_editors_add_is_accepted(params string[] arguments)
    {
        using var process = ServerBinary.StartInRoot(arguments);
        var client = new LspTestClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        await client.InitializeAsync();
        await client.ResultAsync("shutdown");
        await client.NotifyAsync("exit");
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, process.ExitCode);
    }
}
