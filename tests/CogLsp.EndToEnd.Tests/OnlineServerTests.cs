using System.Text.Json;
using CogLsp.Tests.Shared;
using CogLsp.Tests.Shared.LoopbackIndex;

namespace CogLsp.EndToEnd.Tests;

/// <summary>The language server reads package indexes off the keystroke path: answers arrive later, as new facts, and the diagnostics follow.</summary>
public sealed class OnlineServerTests
{
    [Fact]
    public async Task Index_answers_arrive_after_the_first_diagnostics_with_progress_and_match_check_online()
    {
        await using var index = await LoopbackIndexServer.StartAsync();
        var packages = new[] { "alpha", "beta", "gamma", "delta", "epsilon" };
        foreach (var name in packages)
        {
            index.Add(new LoopbackFile(name, $"{name}-1.0-py3-none-any.whl"), new LoopbackFile(name, $"{name}-1.1-py3-none-any.whl"));
        }

        var project = Directory.CreateTempSubdirectory("cog-lsp-online-server-");
        var cache = Directory.CreateTempSubdirectory("cog-lsp-cache-");
        var environment = new Dictionary<string, string> { ["COG_LSP_CACHE_DIR"] = cache.FullName };
        await File.WriteAllTextAsync(Path.Combine(project.FullName, "cog.yaml"), "build:\n  python_version: \"3.12\"\n  python_requirements: requirements.txt\n");
        var requirementsPath = Path.Combine(project.FullName, "requirements.txt");
        var requirements = string.Join("\n", packages.Select(p => p == "gamma" ? "gamma==3.0" : p + "==1.0")) + "\n";
        await File.WriteAllTextAsync(requirementsPath, requirements);

        using var process = ServerBinary.Start(null, environment, "serve");
        var client = new LspTestClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        await client.InitializeAsync(new { window = new { workDoneProgress = true } }, rootUri: new Uri(project.FullName).AbsoluteUri);
        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { cogLsp = new { index = new { url = index.SimpleUrl } } } });
        var uri = new Uri(requirementsPath).AbsoluteUri;
        await client.OpenAsync(uri, requirements, 1, "pip-requirements");

        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => Codes(p).Contains("REQ0601"));
        var fromServer = Keys(published.GetProperty("diagnostics").EnumerateArray());
        Assert.Contains(client.ServerRequests, r => r.Method == "window/workDoneProgress/create");
        var progress = client.Notifications("$/progress").Select(p => p.GetProperty("value").GetProperty("kind").GetString()).ToList();
        Assert.Equal("begin", progress.FirstOrDefault());
        await client.WaitForNotificationAsync("$/progress", p => p.GetProperty("value").GetProperty("kind").GetString() == "end");

        var hover = await client.ResultAsync("textDocument/hover", new { textDocument = new { uri }, position = new { line = 0, character = 2 } });
        Assert.Contains("pip in the image", hover.GetProperty("contents").GetProperty("value").GetString());
        Assert.Contains("alpha-1.0-py3-none-any.whl", hover.GetProperty("contents").GetProperty("value").GetString());

        await client.ResultAsync("shutdown");
        await client.NotifyAsync("exit");
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        // The same answers (now from the cache) give check --online the same diagnostics.
        var (_, stdout, _) = await ServerBinary.RunAsync(project.FullName, environment, "check", "requirements.txt", "--format", "json", "--online", "--index-url", index.SimpleUrl);
        var fromCheck = Keys(JsonDocument.Parse(stdout).RootElement.EnumerateArray());
        Assert.Equal(fromCheck, fromServer);
        Assert.Contains(fromCheck, k => k.StartsWith("REQ0601 2:", StringComparison.Ordinal));
        project.Delete(true);
        cache.Delete(true);
    }

    private static List<string> Codes(JsonElement publish) =>
        publish.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString() ?? string.Empty).ToList();

    private static List<string> Keys(IEnumerable<JsonElement> diagnostics) =>
        diagnostics.Select(d => $"{d.GetProperty("code").GetString()} {d.GetProperty("range").GetProperty("start").GetProperty("line")}: {d.GetProperty("message").GetString()}")
            .Order(StringComparer.Ordinal).ToList();
}
