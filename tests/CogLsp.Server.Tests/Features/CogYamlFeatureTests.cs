using System.Text.Json;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Server.Tests.Features;

/// <summary>The cog.yaml editor features as a client sees them through LSP (positions, kinds, URIs).</summary>
public class CogYamlFeatureTests
{
    private const string Uri = "file:///project/cog.yaml";
    private const string Text = "build:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\nrun: \"predict.py:Predictor\"\n";

    private static async Task<InProcessServer> StartAsync(object? capabilities = null)
    {
        var files = new InMemoryFileSystem()
            .Add("/project/requirements.txt", "numpy==1.26.4\n")
            .Add("/project/predict.py", "import cog\n\nclass Predictor:\n    pass\n");
        var server = new InProcessServer(files);
        await server.Client.InitializeAsync(capabilities);
        await server.Client.OpenAsync(Uri, Text);
        return server;
    }

    private static object At(int line, int character) => new { textDocument = new { uri = Uri }, position = new { line, character } };

    [Fact]
    public async Task Hover_on_a_key_explains_it_in_markdown_with_the_key_range()
    {
        await using var server = await StartAsync();
        var hover = await server.Client.ResultAsync("textDocument/hover", At(1, 3));
        Assert.Equal("markdown", hover.GetProperty("contents").GetProperty("kind").GetString());
        Assert.Contains("gpu", hover.GetProperty("contents").GetProperty("value").GetString());
        Assert.Equal(1, hover.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Completion_inside_build_offers_build_keys_as_text_edits()
    {
        await using var server = await StartAsync();
        await server.Client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = Uri, version = 2 },
            contentChanges = new[] { new { range = new { start = new { line = 2, character = 0 }, end = new { line = 2, character = 0 } }, text = "  cu\n" } },
        });
        var list = await server.Client.ResultAsync("textDocument/completion", At(2, 4));
        var labels = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("label").GetString()).ToList();
        Assert.Contains("cuda", labels);
        Assert.DoesNotContain("concurrency", labels);
        var cuda = list.GetProperty("items").EnumerateArray().First(i => i.GetProperty("label").GetString() == "cuda");
        Assert.Equal(2, cuda.GetProperty("textEdit").GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Document_symbols_outline_the_file()
    {
        await using var server = await StartAsync();
        var symbols = await server.Client.ResultAsync("textDocument/documentSymbol", new { textDocument = new { uri = Uri } });
        var names = symbols.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["build", "run"], names);
        var children = symbols[0].GetProperty("children").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["gpu", "python_version", "python_requirements"], children);
    }

    [Fact]
    public async Task Links_and_definitions_lead_to_the_requirements_file_and_the_class()
    {
        await using var server = await StartAsync();
        var links = await server.Client.ResultAsync("textDocument/documentLink", new { textDocument = new { uri = Uri } });
        Assert.Contains(links.EnumerateArray(), l => l.GetProperty("target").GetString() == "file:///project/requirements.txt");

        var definition = await server.Client.ResultAsync("textDocument/definition", At(4, 20));
        var location = Assert.Single(definition.EnumerateArray());
        Assert.Equal("file:///project/predict.py", location.GetProperty("uri").GetString());
        Assert.Equal(2, location.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Folding_ranges_cover_the_build_block()
    {
        await using var server = await StartAsync();
        var ranges = await server.Client.ResultAsync("textDocument/foldingRange", new { textDocument = new { uri = Uri } });
        Assert.Contains(ranges.EnumerateArray(), r => r.GetProperty("startLine").GetInt32() == 0 && r.GetProperty("endLine").GetInt32() == 3);
    }

    [Fact]
    public async Task Push_can_be_forced_for_clients_that_advertise_pull()
    {
        var files = new InMemoryFileSystem();
        await using var server = new InProcessServer(files);
        var init = await server.Client.ResultAsync("initialize", new { capabilities = new { textDocument = new { diagnostic = new { } } }, initializationOptions = new { diagnosticMode = "push" } });
        Assert.False(init.GetProperty("capabilities").TryGetProperty("diagnosticProvider", out _));
        await server.Client.NotifyAsync("initialized", new { });
        await server.Client.OpenAsync(Uri, "build: [\n");
        var published = await server.Client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == Uri);
        Assert.Contains(published.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == "COG0001");
    }
}
