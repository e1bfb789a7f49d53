using System.Text.Json;
using CogLsp.Analysis;
using CogLsp.Server.Protocol;
using CogLsp.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace CogLsp.Server.Tests.Protocol;

/// <summary>
/// A request cancelled while the diagnostics it needs are being computed answers RequestCancelled, and
/// leaves nothing behind: the next request for the same, unchanged document computes them and answers.
/// </summary>
public class CancelledRequestTests
{
    private const string Uri = "file:///p/requirements.txt";
    private const string Text = "numpy\nrequests==2.31.0\n";

    private static async Task<(InProcessServer Server, GatedAnalyzer Gate)> StartAsync()
    {
        var gate = new GatedAnalyzer();
        var defaults = LanguageServices.CreateDefault();
        var server = new InProcessServer(configure: s => s.AddSingleton(new LanguageServices { Analyzers = defaults.Analyzers.Add(gate), CodeFixProviders = defaults.CodeFixProviders, RefactoringProviders = defaults.RefactoringProviders }));

        // Pull mode: nothing computes diagnostics until the test asks for them.
        await server.Client.InitializeAsync(new { textDocument = new { diagnostic = new { } } });
        await server.Client.OpenAsync(Uri, Text, languageId: "pip-requirements");
        return (server, gate);
    }

    [Theory]
    [InlineData("textDocument/diagnostic")]
    [InlineData("textDocument/codeAction")]
    public async Task A_request_cancelled_while_diagnostics_are_computed_does_not_fail_the_next_one(string method)
    {
        var (server, gate) = await StartAsync();
        await using var _ = server;
        object parameters = method == "textDocument/diagnostic"
            ? new { textDocument = new { uri = Uri } }
            : new { textDocument = new { uri = Uri }, range = new { start = new { line = 0, character = 0 }, end = new { line = 0, character = 5 } }, context = new { diagnostics = Array.Empty<object>() } };

        var first = server.Client.StartRequest(method, parameters, id: 100);
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        await server.Client.NotifyAsync("$/cancelRequest", new { id = 100 });
        Assert.Equal(ErrorCodes.RequestCancelled, ErrorCode(await first));

        gate.Open();
        var second = await server.Client.RequestAsync(method, parameters);
        Assert.False(second.TryGetProperty("error", out var error), $"the next request failed: {error}");
        Assert.Equal(2, gate.Runs);
        if (method == "textDocument/diagnostic")
        {
            // numpy has no pin: REQ0201.
            Assert.Contains(second.GetProperty("result").GetProperty("items").EnumerateArray(), d => d.GetProperty("code").GetString() == "REQ0201");
        }
        else
        {
            Assert.Equal(JsonValueKind.Array, second.GetProperty("result").ValueKind);
        }
    }

    private static int ErrorCode(JsonElement response) => response.GetProperty("error").GetProperty("code").GetInt32();
}
