using System.Text.Json;
using CogLsp.Tests.Shared.LoopbackIndex;

namespace CogLsp.EndToEnd.Tests;

/// <summary>The torch family online: Cog adds the PyTorch index of the CUDA it chose; pip picks from it and the default index together.</summary>
public sealed class OnlinePyTorchTests : IAsyncLifetime
{
    private LoopbackIndexServer _index = null!;
    private DirectoryInfo _project = null!;
    private DirectoryInfo _cache = null!;

    public async Task InitializeAsync()
    {
        _index = await LoopbackIndexServer.StartAsync();
        _index.Add(
            new LoopbackFile("torch", "torch-2.1.0-cp311-cp311-manylinux1_x86_64.whl"),
            new LoopbackFile("numpy", "numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"));
        _project = Directory.CreateTempSubdirectory("cog-lsp-torch-");
        _cache = Directory.CreateTempSubdirectory("cog-lsp-cache-");
        await File.WriteAllTextAsync(Path.Combine(_project.FullName, "cog.yaml"), "build:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n");
        await File.WriteAllTextAsync(Path.Combine(_project.FullName, "requirements.txt"), "torch==2.1.0\nnumpy==1.26.4\n");
    }

    public async Task DisposeAsync()
    {
        await _index.DisposeAsync();
        _project.Delete(true);
        _cache.Delete(true);
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments) =>
        ServerBinary.RunAsync(_project.FullName, new Dictionary<string, string> { ["COG_LSP_CACHE_DIR"] = _cache.FullName }, arguments);

    [Fact]
    public async Task Resolve_online_shows_the_cuda_build_pip_takes_from_the_pytorch_index()
    {
        _index.AddPytorch("cu121", new LoopbackFile("torch", "torch-2.1.0+cu121-cp311-cp311-linux_x86_64.whl"));
        var (code, stdout, stderr) = await RunAsync("resolve", "--project", ".", "--format", "json", "--online", "--index-url", _index.SimpleUrl, "--pytorch-index-url", _index.PytorchUrl);

        Assert.True(code == 0, stderr);
        var picks = JsonDocument.Parse(stdout).RootElement.GetProperty("picks").EnumerateArray().ToList();
        Assert.Equal(2, picks.Count);
        Assert.Equal("torch==2.1.0", picks[0].GetProperty("requirement").GetString());
        Assert.Equal("2.1.0+cu121", picks[0].GetProperty("version").GetString());
        Assert.Equal("torch-2.1.0+cu121-cp311-cp311-linux_x86_64.whl", picks[0].GetProperty("file").GetString());
        Assert.StartsWith(_index.PytorchUrl + "cu121", picks[0].GetProperty("index").GetString());
        Assert.Equal("numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", picks[1].GetProperty("file").GetString());
        Assert.True(_index.RequestCount("/whl/cu121/torch/") >= 1);

        var text = await RunAsync("resolve", "--project", ".", "--online", "--index-url", _index.SimpleUrl, "--pytorch-index-url", _index.PytorchUrl);
        Assert.Contains("line 1: torch==2.1.0 -> 2.1.0+cu121 torch-2.1.0+cu121-cp311-cp311-linux_x86_64.whl from " + _index.PytorchUrl + "cu121", text.Stderr);
    }

    [Fact]
    public async Task When_the_cuda_index_has_no_file_for_the_image_pip_quietly_takes_another_build()
    {
        _index.AddPytorch("cu121", new LoopbackFile("torch", "torch-2.1.0+cu121-cp310-cp310-linux_x86_64.whl"));
        var (_, stdout, stderr) = await RunAsync("check", ".", "--format", "json", "--online", "--index-url", _index.SimpleUrl, "--pytorch-index-url", _index.PytorchUrl);

        var findings = JsonDocument.Parse(stdout).RootElement.EnumerateArray()
            .Where(d => d.GetProperty("code").GetString()!.StartsWith("REQ06", StringComparison.Ordinal))
            .Select(d => $"{d.GetProperty("code").GetString()} {d.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32()}: {d.GetProperty("message").GetString()}")
            .ToList();
        var finding = Assert.Single(findings);
        Assert.Equal($"REQ0608 0: Cog adds {_index.PytorchUrl}cu121/ for the CUDA 12.1 build, but pip in the image takes torch-2.1.0-cp311-cp311-manylinux1_x86_64.whl from {_index.SimpleUrl}", finding);
        Assert.DoesNotContain("error", stderr, StringComparison.OrdinalIgnoreCase);
    }
}
