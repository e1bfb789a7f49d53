using System.Text.Json;
using CogLsp.Tests.Shared.LoopbackIndex;

namespace CogLsp.EndToEnd.Tests;

/// <summary>`check --online` against a real index on 127.0.0.1: what pip would find in Cog's image, line by line.</summary>
public sealed class OnlineCheckTests : IAsyncLifetime
{
    private const string CogYaml = "build:\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\nrun: \"run.py:Runner\"\n";

    private LoopbackIndexServer _index = null!;
    private DirectoryInfo _project = null!;
    private DirectoryInfo _cache = null!;

    public async Task InitializeAsync()
    {
        _index = await LoopbackIndexServer.StartAsync();
        _index.Add(
            new LoopbackFile("requests", "requests-2.31.0-py3-none-any.whl"),
            new LoopbackFile("requests", "requests-2.32.3-py3-none-any.whl"),
            new LoopbackFile("numpy", "numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"),
            new LoopbackFile("urllib3", "urllib3-2.0.0-py3-none-any.whl", YankedReason: "broken release"),
            new LoopbackFile("urllib3", "urllib3-2.0.2-py3-none-any.whl"),
            new LoopbackFile("sdistonly", "sdistonly-1.0.tar.gz"),
            new LoopbackFile("wheelsonly", "wheelsonly-1.0-cp311-cp311-win_amd64.whl"),
            new LoopbackFile("six", "six-1.16.0-py2.py3-none-any.whl"));
        _project = Directory.CreateTempSubdirectory("cog-lsp-online-");
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

    private Dictionary<string, string> Environment => new() { ["COG_LSP_CACHE_DIR"] = _cache.FullName };

    private async Task<(int Code, List<string> Findings, string Stdout, string Stderr)> CheckAsync(string requirements, params string[] extra)
    {
        await File.WriteAllTextAsync(Path.Combine(_project.FullName, "requirements.txt"), requirements);
        var (code, stdout, stderr) = await ServerBinary.RunAsync(_project.FullName, Environment, ["check", ".", "--format", "json", .. extra]);
        if (stdout.Length == 0)
        {
            return (code, [], stdout, stderr);
        }

        var findings = JsonDocument.Parse(stdout).RootElement.EnumerateArray()
            .Where(d => d.GetProperty("file").GetString() == "requirements.txt")
            .Select(d => $"{d.GetProperty("code").GetString()} {d.GetProperty("severity").GetString()} line {d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32()}: {d.GetProperty("message").GetString()}")
            .ToList();
        return (code, findings, stdout, stderr);
    }

    [Fact]
    public async Task Online_check_reports_what_pip_would_find_in_the_image_on_each_line()
    {
        const string requirements = "requests==2.99.0\nnumpy>=9\nreqeusts==1.0\nurllib3==2.0.0\nsdistonly==1.0\nwheelsonly==1.0\nsix==1.16.0\n";
        var (code, findings, _, stderr) = await CheckAsync(requirements, "--online", "--index-url", _index.SimpleUrl);

        Assert.True(code == 1, stderr + string.Join("\n", findings));
        var index = findings.Where(f => f.StartsWith("REQ06", StringComparison.Ordinal)).ToList();
        Assert.Collection(
            index,
            f => Assert.Equal("REQ0601 error line 0: requests: no consulted index lists version 2.99.0 (nearest: 2.32.3)", f),
            f => Assert.Equal("REQ0603 error line 1: numpy: no version on the index satisfies '>=9' (newest listed: 1.26.4)", f),
            f => Assert.StartsWith("REQ0602 error line 2: reqeusts: every index pip reads here answered that it has no such package", f),
            f => Assert.Equal("REQ0605 warning line 3: urllib3 2.0.0 was yanked from the index: \"broken release\"", f),
            f => Assert.Equal("REQ0606 warning line 4: sdistonly 1.0 has no wheel for CPython 3.11 on Linux x86_64 (glibc 2.41): pip builds it from source in the image", f),
            f => Assert.StartsWith("REQ0604 error line 5: wheelsonly 1.0: no file installs on CPython 3.11 on Linux x86_64 (glibc 2.41): only wheels for other Pythons or platforms", f));
    }

    [Fact]
    public async Task Without_online_check_makes_no_request_even_to_an_index_the_file_names()
    {
        var (code, findings, _, stderr) = await CheckAsync($"--index-url {_index.SimpleUrl}\nrequests==2.99.0\n");

        Assert.True(code == 0, stderr);
        Assert.DoesNotContain(findings, f => f.StartsWith("REQ06", StringComparison.Ordinal));
        Assert.Equal(0, _index.RequestCount());
    }

    [Fact]
    public async Task A_file_that_replaces_the_index_never_asks_the_default_one()
    {
        // The default index (--index-url on the command line) must see no name from a file that names its own index.
        await using var own = await LoopbackIndexServer.StartAsync();
        own.Add(new LoopbackFile("internal-pkg", "internal_pkg-1.0-py3-none-any.whl"));
        var (_, findings, _, stderr) = await CheckAsync($"--index-url {own.SimpleUrl}\ninternal-pkg==1.0\n", "--online", "--index-url", _index.SimpleUrl);

        Assert.DoesNotContain(findings, f => f.StartsWith("REQ06", StringComparison.Ordinal));
        Assert.True(own.RequestCount("/simple/internal-pkg/") >= 1, stderr);
        Assert.Equal(0, _index.RequestCount());
    }

    [Fact]
    public async Task A_warm_cache_answers_without_any_request_and_gives_the_same_result()
    {
        const string requirements = "requests==2.99.0\nurllib3==2.0.0\n";
        var first = await CheckAsync(requirements, "--online", "--index-url", _index.SimpleUrl);
        var requests = _index.RequestCount();
        var second = await CheckAsync(requirements, "--online", "--index-url", _index.SimpleUrl);

        Assert.True(requests > 0);
        Assert.Equal(requests, _index.RequestCount());
        Assert.Equal(first.Findings, second.Findings);
        Assert.Contains(first.Findings, f => f.StartsWith("REQ0601", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_index_that_fails_proves_nothing_and_leaves_one_note_per_file()
    {
        _index.SetFault("requests", LoopbackFault.ServerError);
        _index.SetFault("urllib3", LoopbackFault.ServerError);
        var (code, findings, _, stderr) = await CheckAsync("requests==2.99.0\nurllib3==2.0.0\nsix==1.16.0\n", "--online", "--index-url", _index.SimpleUrl);

        Assert.True(code == 0, stderr + string.Join("\n", findings));
        var index = findings.Where(f => f.StartsWith("REQ06", StringComparison.Ordinal)).ToList();
        var note = Assert.Single(index);
        Assert.StartsWith("REQ0610 information line 0: Could not check requests, urllib3 against the package index: ", note);
    }

    [Fact]
    public async Task Credentials_in_an_index_url_never_reach_the_output()
    {
        _index.RequireCredentials("me", "s3cret-token");
        var url = _index.SimpleUrlWithCredentials("me", "wrong-token");
        var (_, _, stdout, stderr) = await CheckAsync($"--index-url {url}\nrequests==2.99.0\n", "--online");

        Assert.DoesNotContain("wrong-token", stdout + stderr);
        Assert.Contains("me:***@", stdout);
    }

    [Fact]
    public async Task Index_urls_without_online_are_a_usage_error()
    {
        var (code, _, _, stderr) = await CheckAsync("six\n", "--index-url", _index.SimpleUrl);
        Assert.Equal(2, code);
        Assert.Contains("--online", stderr);
    }
}
