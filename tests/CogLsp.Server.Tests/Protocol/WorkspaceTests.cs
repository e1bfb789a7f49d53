using System.Text.Json;

namespace CogLsp.Server.Tests.Protocol;

public class WorkspaceTests
{
    private const string Uri = "file:///project/cog.yaml";
    private const string Broken = "build:\n  python_version: \"3.11\n";

    [Fact]
    public async Task Severity_overrides_from_workspace_configuration_apply()
    {
        await using var server = new InProcessServer();
        var answered = new TaskCompletionSource();
        server.Client.ServerRequestHandlers["workspace/configuration"] = _ =>
        {
            answered.TrySetResult();
            return new object[] { new { severity = new Dictionary<string, string> { ["COG0001"] = "hint" } } };
        };
        await server.Client.InitializeAsync(new { workspace = new { configuration = true } });
        await answered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await server.Client.OpenAsync(Uri, Broken);

        // Settings arrive asynchronously; once applied, the diagnostics are republished with the new severity.
        var published = await server.Client.WaitForNotificationAsync(
            "textDocument/publishDiagnostics", p => p.GetProperty("diagnostics").GetArrayLength() == 1 && p.GetProperty("diagnostics")[0].GetProperty("severity").GetInt32() == 4);
        Assert.Equal("COG0001", published.GetProperty("diagnostics")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_rule_turned_off_reports_nothing()
    {
        await using var server = new InProcessServer();
        await server.Client.InitializeAsync();
        await server.Client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { cogLsp = new { severity = new Dictionary<string, string> { ["COG0001"] = "off" } } } });
        await server.Client.OpenAsync(Uri, Broken);
        var published = await server.Client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == Uri);
        Assert.Equal(0, published.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public async Task Watched_files_are_registered_with_clients_that_allow_it()
    {
        await using var server = new InProcessServer();
        await server.Client.InitializeAsync(new { workspace = new { didChangeWatchedFiles = new { dynamicRegistration = true } } });
        await server.Client.ResultAsync("shutdown");
        var (method, parameters) = Assert.Single(server.Client.ServerRequests, r => r.Method == "client/registerCapability");
        var registration = parameters.GetProperty("registrations")[0];
        Assert.Equal("workspace/didChangeWatchedFiles", registration.GetProperty("method").GetString());
        var globs = registration.GetProperty("registerOptions").GetProperty("watchers").EnumerateArray().Select(w => w.GetProperty("globPattern").GetString()).ToList();
        Assert.Contains("**/cog.yaml", globs);
        Assert.Contains("**/requirements*.txt", globs);
    }

    [Fact]
    public async Task Workspace_folders_are_tracked()
    {
        await using var server = new InProcessServer();
        await server.Client.ResultAsync("initialize", new { capabilities = new { }, workspaceFolders = new[] { new { uri = "file:///a", name = "a" } } });
        await server.Client.NotifyAsync("workspace/didChangeWorkspaceFolders", new { @event = new { added = new[] { new { uri = "file:///b", name = "b" } }, removed = new[] { new { uri = "file:///a", name = "a" } } } });
        await server.Client.ResultAsync("shutdown");
        Assert.Equal(["/b"], server.Server.State.Workspace.Roots.ToArray());
    }

    [Fact]
    public async Task Suppression_comments_silence_a_rule_and_unknown_ids_are_reported()
    {
        await using var server = new InProcessServer();
        await server.Client.InitializeAsync();
        await server.Client.OpenAsync(Uri, "# cog-lsp: ignore[COG0001, COG9999]\nbuild: \"abc\n");
        var published = await server.Client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == Uri);
        var codes = published.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ToList();
        Assert.Equal(["COG0900"], codes);
        var unknown = published.GetProperty("diagnostics")[0];
        Assert.Contains("COG9999", unknown.GetProperty("message").GetString());
        Assert.Equal([1], unknown.GetProperty("tags").EnumerateArray().Select(t => t.GetInt32()));
    }
}
