using System.Text.Json;
using System.Text.RegularExpressions;
using CogLsp.Tests.Shared;
using CogLsp.Tests.Shared.LoopbackIndex;

namespace CogLsp.EndToEnd.Tests;

/// <summary>`check --online` on a project whose requirements are build.python_packages items: the index rules mark the items, and the arguments of a build.run `pip install`, in cog.yaml.</summary>
public sealed class OnlineCogYamlTests : IAsyncLifetime
{
    private const string CogYaml = "build:\n  python_version: \"3.11\"\n  python_packages:\n    - \"requests==2.99.0\"\n    - urllib3==2.0.0\n    - six==1.16.0\n  run:\n    - pip install --no-deps 'six==1.99'\nrun: \"run.py:Runner\"\n";

    private LoopbackIndexServer _index = null!;
    private DirectoryInfo _project = null!;
    private DirectoryInfo _cache = null!;

    public async Task InitializeAsync()
    {
        _index = await LoopbackIndexServer.StartAsync();
        _index.Add(
            new LoopbackFile("requests", "requests-2.31.0-py3-none-any.whl"),
            new LoopbackFile("requests", "requests-2.32.3-py3-none-any.whl"),
            new LoopbackFile("urllib3", "urllib3-2.0.0-py3-none-any.whl", YankedReason: "broken release"),
            new LoopbackFile("urllib3", "urllib3-2.0.2-py3-none-any.whl"),
            new LoopbackFile("six", "six-1.16.0-py2.py3-none-any.whl"));
        _project = Directory.CreateTempSubdirectory("cog-lsp-online-yaml-");
        _cache = Directory.CreateTempSubdirectory("cog-lsp-cache-");
        await File.WriteAllTextAsync(Path.Combine(_project.FullName, "cog.yaml"), CogYaml);
        await File.WriteAllTextAsync(Path.Combine(_project.FullName, "run.py"), "class Runner:\n    pass\n");
    }

    public async Task DisposeAsync()
    {
        await _index.DisposeAsync();
        _project.Delete(true);
        _cache.Delete(true);
    }

    private async Task<(int Code, List<string> Findings, string Stderr)> CheckAsync(params string[] extra)
    {
        var environment = new Dictionary<string, string> { ["COG_LSP_CACHE_DIR"] = _cache.FullName };
        var (code, stdout, stderr) = await ServerBinary.RunAsync(_project.FullName, environment, ["check", ".", "--format", "json", .. extra]);
        var findings = stdout.Length == 0 ? [] : JsonDocument.Parse(stdout).RootElement.EnumerateArray()
            .Where(d => d.GetProperty("file").GetString() == "cog.yaml" && Regex.IsMatch(d.GetProperty("code").GetString()!, "^COG0[78]6[1-9]$"))
            .Select(d => $"{d.GetProperty("code").GetString()} {d.GetProperty("severity").GetString()} line {d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32()} col {d.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32()}: {d.GetProperty("message").GetString()}")
            .ToList();
        return (code, findings, stderr);
    }

    [Fact]
    public async Task Online_check_marks_the_python_packages_items_and_run_arguments_the_index_contradicts()
    {
        var (code, findings, stderr) = await CheckAsync("--online", "--index-url", _index.SimpleUrl);

        Assert.True(code == 1, stderr + string.Join("\n", findings));
        Assert.Equal(
            [
                "COG0761 error line 3 col 15: requests: no consulted index lists version 2.99.0 (nearest: 2.32.3)",
                "COG0765 warning line 4 col 13: urllib3 2.0.0 was yanked from the index: \"broken release\"",
                "COG0861 error line 7 col 32: six: no consulted index lists version 1.99 (nearest: 1.16.0)",
            ],
            findings);
        Assert.True(_index.RequestCount("/simple/six/") >= 1, stderr);
    }

    [Fact]
    public async Task The_server_fetches_the_items_pages_and_marks_and_hovers_them_in_cog_yaml()
    {
        var environment = new Dictionary<string, string> { ["COG_LSP_CACHE_DIR"] = _cache.FullName };
        using var process = ServerBinary.Start(null, environment, "serve");
        var client = new LspTestClient(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
        await client.InitializeAsync(new { }, rootUri: new Uri(_project.FullName).AbsoluteUri);
        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { cogLsp = new { index = new { url = _index.SimpleUrl } } } });
        var uri = new Uri(Path.Combine(_project.FullName, "cog.yaml")).AbsoluteUri;
        await client.OpenAsync(uri, CogYaml, 1, "yaml");

        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == uri
            && p.GetProperty("diagnostics").EnumerateArray().Any(d => d.GetProperty("code").GetString() == "COG0761"));
        var item = published.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "COG0761");
        Assert.Equal(3, item.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        var hover = await client.ResultAsync("textDocument/hover", new { textDocument = new { uri }, position = new { line = 5, character = 7 } });
        Assert.Contains("- installs **1.16.0**\n- file: `six-1.16.0-py2.py3-none-any.whl`", hover.GetProperty("contents").GetProperty("value").GetString());

        await client.ResultAsync("shutdown");
        await client.NotifyAsync("exit");
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Without_online_no_request_is_made_for_the_items()
    {
        var (_, findings, stderr) = await CheckAsync();

        Assert.Empty(findings);
        Assert.True(_index.RequestCount() == 0, stderr);
    }
}
