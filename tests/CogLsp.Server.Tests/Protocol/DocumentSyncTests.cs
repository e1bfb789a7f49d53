using System.Text.Json;

namespace CogLsp.Server.Tests.Protocol;

public class DocumentSyncTests
{
    private const string Uri = "file:///project/cog.yaml";
    private const string Broken = "build:\n  python_version: \"3.11\n  gpu: true\n";

    private static object Change(int line, int character, int endLine, int endCharacter, string text) =>
        new { range = new { start = new { line, character }, end = new { line = endLine, character = endCharacter } }, text };

    [Fact]
    public async Task Opening_a_broken_cog_yaml_publishes_its_syntax_error_with_the_document_version()
    {
        await using var server = new InProcessServer();
        await server.Client.InitializeAsync();
        await server.Client.OpenAsync(Uri, Broken, version: 3);

        var published = await server.Client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == Uri);
        Assert.Equal(3, published.GetProperty("version").GetInt32());
        var diagnostic = Assert.Single(published.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("COG0001", diagnostic.GetProperty("code").GetString());
        Assert.Equal("cog-lsp", diagnostic.GetProperty("source").GetString());
        Assert.Equal(1, diagnostic.GetProperty("severity").GetInt32());
        Assert.EndsWith("#cog0001-yaml-syntax-error", diagnostic.GetProperty("codeDescription").GetProperty("href").GetString());
        Assert.Equal(1, diagnostic.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Incremental_changes_apply_in_order_and_clear_the_diagnostic()
    {
        await using var server = new InProcessServer();
        await server.Client.InitializeAsync();
        await server.Client.OpenAsync(Uri, Broken);
        await server.Client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("diagnostics").GetArrayLength() == 1);

        // Two changes in one notification: the second's range refers to the text after the first.
        await server.Client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = Uri, version = 2 },
            contentChanges = new[] { Change(1, 22, 1, 22, "\""), Change(1, 23, 1, 23, " # quoted") },
        });

        var published = await server.Client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("version").GetInt32() == 2);
        Assert.DoesNotContain(published.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "COG0001");
    }

    [Fact]
    public async Task Utf8_positions_are_honoured_when_negotiated()
    {
        await using var server = new InProcessServer(configure: s => ServerComposition.AddHandler<EchoTextHandler>(s));
        await server.Client.InitializeAsync(new { general = new { positionEncodings = new[] { "utf-8" } } });
        await server.Client.OpenAsync(Uri, "# é😀x\n");

        // "x" is after 1 + 1 + 2 + 4 = 8 bytes ("# ", "é", "😀").
        await server.Client.NotifyAsync("textDocument/didChange", new { textDocument = new { uri = Uri, version = 2 }, contentChanges = new[] { Change(0, 8, 0, 9, "y") } });
        var text = await server.Client.ResultAsync("test/echoText", new { uri = Uri });
        Assert.Equal("# é😀y\n", text.GetString());
    }

    [Fact]
    public async Task Read_only_requests_see_every_change_sent_before_them()
    {
        await using var server = new InProcessServer(configure: s => ServerComposition.AddHandler<EchoTextHandler>(s));
        await server.Client.InitializeAsync();
        await server.Client.OpenAsync(Uri, string.Empty);
        for (var i = 0; i < 50; i++)
        {
            await server.Client.NotifyAsync("textDocument/didChange", new { textDocument = new { uri = Uri, version = i + 2 }, contentChanges = new[] { Change(0, i, 0, i, "a") } });
        }

        var text = await server.Client.ResultAsync("test/echoText", new { uri = Uri });
        Assert.Equal(new string('a', 50), text.GetString());
    }

    [Fact]
    public async Task A_change_for_a_document_never_opened_is_logged_not_fatal()
    {
        await using var server = new InProcessServer();
        await server.Client.InitializeAsync();
        await server.Client.NotifyAsync("textDocument/didChange", new { textDocument = new { uri = "file:///nowhere/cog.yaml", version = 2 }, contentChanges = new[] { new { text = "x" } } });
        var log = await server.Client.WaitForNotificationAsync("window/logMessage", p => p.GetProperty("message").GetString()!.Contains("not open", StringComparison.Ordinal));
        Assert.Equal(2, log.GetProperty("type").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await server.Client.RequestAsync("shutdown")).GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task Positions_past_the_end_of_a_line_or_file_are_clamped()
    {
        await using var server = new InProcessServer(configure: s => ServerComposition.AddHandler<EchoTextHandler>(s));
        await server.Client.InitializeAsync();
        await server.Client.OpenAsync(Uri, "ab\ncd");
        await server.Client.NotifyAsync("textDocument/didChange", new { textDocument = new { uri = Uri, version = 2 }, contentChanges = new[] { Change(0, 50, 0, 60, "!"), Change(9, 0, 12, 3, "?") } });
        Assert.Equal("ab!\ncd?", (await server.Client.ResultAsync("test/echoText", new { uri = Uri })).GetString());
        var hover = await server.Client.RequestAsync("textDocument/hover", new { textDocument = new { uri = Uri }, position = new { line = 400, character = 9000 } });
        Assert.True(hover.TryGetProperty("result", out _));
    }

    [Fact]
    public async Task Closing_a_document_clears_its_diagnostics_when_the_file_is_gone()
    {
        await using var server = new InProcessServer();
        await server.Client.InitializeAsync();
        await server.Client.OpenAsync(Uri, Broken);
        await server.Client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("diagnostics").GetArrayLength() == 1);
        await server.Client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = Uri } });
        await server.Client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("diagnostics").GetArrayLength() == 0);
    }

    [Fact]
    public async Task Files_on_disk_are_analysed_and_watched_changes_are_seen()
    {
        var files = new CogLsp.Analysis.Workspace.InMemoryFileSystem().Add("/project/cog.yaml", Broken);
        await using var server = new InProcessServer(files);
        await server.Client.InitializeAsync(new { textDocument = new { diagnostic = new { } } });

        var first = await server.Client.ResultAsync("textDocument/diagnostic", new { textDocument = new { uri = Uri } });
        Assert.Equal(1, first.GetProperty("items").GetArrayLength());

        files.Add("/project/cog.yaml", "build:\n  python_version: \"3.11\"\n");
        await server.Client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = Uri, type = 2 } } });
        var second = await server.Client.ResultAsync("textDocument/diagnostic", new { textDocument = new { uri = Uri }, previousResultId = first.GetProperty("resultId").GetString() });
        Assert.Equal("full", second.GetProperty("kind").GetString());
        Assert.Equal(0, second.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Pulled_diagnostics_are_unchanged_when_nothing_moved()
    {
        await using var server = new InProcessServer();
        await server.Client.InitializeAsync(new { textDocument = new { diagnostic = new { } } });
        await server.Client.OpenAsync(Uri, Broken);
        var first = await server.Client.ResultAsync("textDocument/diagnostic", new { textDocument = new { uri = Uri } });
        Assert.Equal("full", first.GetProperty("kind").GetString());
        var second = await server.Client.ResultAsync("textDocument/diagnostic", new { textDocument = new { uri = Uri }, previousResultId = first.GetProperty("resultId").GetString() });
        Assert.Equal("unchanged", second.GetProperty("kind").GetString());
        Assert.False(second.TryGetProperty("items", out _));
    }

    [Fact]
    public async Task A_requirements_file_used_by_an_open_cog_yaml_gets_diagnostics_without_being_opened()
    {
        var files = new CogLsp.Analysis.Workspace.InMemoryFileSystem()
            .Add("/project/requirements.txt", "numpy==1.26.4\n")
            .Add("/project/predict.py", "class Predictor:\n    pass\n");
        await using var server = new InProcessServer(files);
        await server.Client.InitializeAsync();
        await server.Client.OpenAsync(Uri, "build:\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\npredict: \"predict.py:Predictor\"\n");
        await server.Client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == "file:///project/requirements.txt");

        // Point cog.yaml at a file that does not exist: cog.yaml reports it at once.
        await server.Client.NotifyAsync("textDocument/didChange", new { textDocument = new { uri = Uri, version = 2 }, contentChanges = new[] { Change(2, 23, 2, 39, "missing.txt") } });
        var published = await server.Client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == Uri && p.GetProperty("version").GetInt32() == 2);
        Assert.Contains(published.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "COG0401");
    }
}
