using System.Text.Json;
using CogLsp.Tests.Shared;

namespace CogLsp.EndToEnd.Tests;

/// <summary>`cog-lsp check` and the language server share one analysis: for the same files they report the same diagnostics.</summary>
public class CheckServerParityTests
{
    [Fact]
    public async Task Check_and_the_server_report_the_same_diagnostics_for_a_requirements_file()
    {
        var project = Directory.CreateTempSubdirectory("cog-lsp-parity-");
        await File.WriteAllTextAsync(Path.Combine(project.FullName, "cog.yaml"), "build:\n  gpu: true\n  python_version: \"3.10\"\n  python_requirements: requirements.txt\nrun: \"run.py:Runner\"\n");
        await File.WriteAllTextAsync(Path.Combine(project.FullName, "run.py"), "class Runner:\n    pass\n");
        var requirementsPath = Path.Combine(project.FullName, "requirements.txt");
        const string requirements = "torch==1.11.0\nnumpy>=1.2,<2\nzope.interface==5.4.0\nrequests\nnumpy==1.26.4\n--frobnicate\nflask[async]==3.0 ; python_version < \"3.12\"\n";
        await File.WriteAllTextAsync(requirementsPath, requirements);

        var (_, stdout, _) = await ServerBinary.RunAsync(project.FullName, "check", "requirements.txt", "--format", "json");
        var fromCheck = JsonDocument.Parse(stdout).RootElement.EnumerateArray()
            .Select(d => Key(d.GetProperty("code").GetString(), d.GetProperty("range"), d.GetProperty("message").GetString()))
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(fromCheck.Count >= 5, string.Join("\n", fromCheck));

        using var process = ServerBinary.StartInRoot("serve");
        var client = new LspTestClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        await client.InitializeAsync(new { textDocument = new { diagnostic = new { } } }, rootUri: new Uri(project.FullName).AbsoluteUri);

        // `check` without --online reads no index; the server is told the same (OnlineServerTests compares the online pair).
        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { cogLsp = new { index = new { enabled = false } } } });
        var uri = new Uri(requirementsPath).AbsoluteUri;
        await client.OpenAsync(uri, requirements, 1, "pip-requirements");
        var report = await client.ResultAsync("textDocument/diagnostic", new { textDocument = new { uri } });
        var fromServer = report.GetProperty("items").EnumerateArray()
            .Select(d => Key(d.GetProperty("code").GetString(), d.GetProperty("range"), d.GetProperty("message").GetString()))
            .Order(StringComparer.Ordinal).ToList();
        await client.ResultAsync("shutdown");
        await client.NotifyAsync("exit");
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(fromCheck, fromServer);
        project.Delete(true);
    }

    private static string Key(string? code, JsonElement range, string? message) =>
        $"{code} {range.GetProperty("start").GetProperty("line")}:{range.GetProperty("start").GetProperty("character")}-{range.GetProperty("end").GetProperty("line")}:{range.GetProperty("end").GetProperty("character")} {message}";
}
