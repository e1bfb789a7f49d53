using System.Text;
using System.Text.Json;
using CogLsp.Server.Protocol;

namespace CogLsp.Server.Tests.Protocol;

public class LifecycleTests
{
    private static int ErrorCode(JsonElement response) => response.GetProperty("error").GetProperty("code").GetInt32();

    [Fact]
    public async Task A_request_before_initialize_gets_ServerNotInitialized()
    {
        await using var server = new InProcessServer();
        var response = await server.Client.RequestAsync("textDocument/hover", new { textDocument = new { uri = "file:///p/cog.yaml" }, position = new { line = 0, character = 0 } });
        Assert.Equal(ErrorCodes.ServerNotInitialized, ErrorCode(response));
    }

    [Fact]
    public async Task Initialize_announces_utf16_by_default_and_utf8_when_offered()
    {
        await using (var server = new InProcessServer())
        {
            var result = await server.Client.InitializeAsync();
            Assert.Equal("utf-16", result.GetProperty("capabilities").GetProperty("positionEncoding").GetString());
            Assert.Equal("cog-lsp", result.GetProperty("serverInfo").GetProperty("name").GetString());
        }

        await using (var server = new InProcessServer())
        {
            var result = await server.Client.InitializeAsync(new { general = new { positionEncodings = new[] { "utf-8", "utf-16" } } });
            Assert.Equal("utf-8", result.GetProperty("capabilities").GetProperty("positionEncoding").GetString());
        }
    }

    [Fact]
    public async Task Capabilities_name_only_what_is_implemented()
    {
        await using var server = new InProcessServer();
        var capabilities = (await server.Client.InitializeAsync()).GetProperty("capabilities");
        var names = capabilities.EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(
            ["codeActionProvider", "codeLensProvider", "completionProvider", "definitionProvider", "documentLinkProvider", "documentSymbolProvider", "executeCommandProvider", "foldingRangeProvider", "hoverProvider", "inlayHintProvider", "positionEncoding", "textDocumentSync", "workspace"],
            names);
        Assert.Equal(2, capabilities.GetProperty("textDocumentSync").GetProperty("change").GetInt32());
    }

    [Fact]
    public async Task Pull_diagnostics_are_announced_only_to_clients_that_pull()
    {
        await using var server = new InProcessServer();
        var capabilities = (await server.Client.InitializeAsync(new { textDocument = new { diagnostic = new { } } })).GetProperty("capabilities");
        Assert.Equal("cog-lsp", capabilities.GetProperty("diagnosticProvider").GetProperty("identifier").GetString());
        Assert.True(capabilities.GetProperty("diagnosticProvider").GetProperty("interFileDependencies").GetBoolean());
    }

    [Fact]
    public async Task A_second_initialize_is_an_invalid_request()
    {
        await using var server = new InProcessServer();
        await server.Client.InitializeAsync();
        var response = await server.Client.RequestAsync("initialize", new { capabilities = new { } });
        Assert.Equal(ErrorCodes.InvalidRequest, ErrorCode(response));
    }

    [Fact]
    public async Task Unknown_requests_get_MethodNotFound_and_unknown_notifications_are_ignored()
    {
        await using var server = new InProcessServer();
        await server.Client.InitializeAsync();
        await server.Client.NotifyAsync("custom/somethingElse", new { x = 1 });
        var response = await server.Client.RequestAsync("custom/unknown", new { });
        Assert.Equal(ErrorCodes.MethodNotFound, ErrorCode(response));

        // The session is still usable.
        var shutdown = await server.Client.RequestAsync("shutdown");
        Assert.Equal(JsonValueKind.Null, shutdown.GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task Requests_after_shutdown_are_invalid_and_exit_then_ends_with_code_0()
    {
        await using var server = new InProcessServer();
        await server.Client.InitializeAsync();
        await server.Client.ResultAsync("shutdown");
        var response = await server.Client.RequestAsync("textDocument/hover", new { textDocument = new { uri = "file:///p/cog.yaml" }, position = new { line = 0, character = 0 } });
        Assert.Equal(ErrorCodes.InvalidRequest, ErrorCode(response));
        await server.Client.NotifyAsync("exit");
        Assert.Equal(0, await server.Server.Exited.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_1()
    {
        await using var server = new InProcessServer();
        await server.Client.InitializeAsync();
        await server.Client.NotifyAsync("exit");
        Assert.Equal(1, await server.Server.Exited.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"textDocument/hover\",\"params\":{oops")]
    [InlineData("[1,2,3]")]
    [InlineData("\u00ff\u00fe not json at all")]
    public async Task A_malformed_message_is_logged_and_the_session_goes_on(string body)
    {
        await using var server = new InProcessServer();
        await server.Client.InitializeAsync();
        await server.Client.SendRawAsync(Encoding.UTF8.GetBytes(body));
        var log = await server.Client.WaitForNotificationAsync("window/logMessage", p => p.GetProperty("message").GetString()!.Contains("malformed", StringComparison.Ordinal));
        Assert.Equal(2, log.GetProperty("type").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await server.Client.RequestAsync("shutdown")).GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task A_cancelled_request_answers_RequestCancelled()
    {
        await using var server = new InProcessServer(configure: s => ServerComposition.AddHandler<WaitForeverHandler>(s));
        await server.Client.InitializeAsync();
        var pending = server.Client.StartRequest("test/waitForever", new { }, id: 42);
        await server.Client.NotifyAsync("$/cancelRequest", new { id = 42 });
        var response = await pending;
        Assert.Equal(ErrorCodes.RequestCancelled, ErrorCode(response));
    }

    [Fact]
    public async Task Set_trace_is_accepted()
    {
        await using var server = new InProcessServer();
        await server.Client.InitializeAsync();
        await server.Client.NotifyAsync("$/setTrace", new { value = "verbose" });
        await server.Client.ResultAsync("shutdown");
        Assert.Equal("verbose", server.Server.State.Trace);
    }
}
