using System.Text.Json;

namespace CogLsp.EndToEnd.Tests;

/// <summary>
/// `check --gpu`, and what `check` asks the machine: a fake nvidia-smi and a fake cog (POSIX shell
/// scripts) first on a PATH the test controls. Each fake logs its calls, so a test can see it ran once,
/// or not at all. The fakes are shell scripts: these tests need a POSIX system.
/// </summary>
public sealed class GpuCommandTests : IDisposable
{
    private const string CogYaml = "build:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n";

    private readonly DirectoryInfo _project = Directory.CreateTempSubdirectory("cog-lsp-gpu-");
    private readonly DirectoryInfo _bin = Directory.CreateTempSubdirectory("cog-lsp-fakebin-");

    public GpuCommandTests()
    {
        File.WriteAllText(Path.Combine(_project.FullName, "cog.yaml"), CogYaml);
        File.WriteAllText(Path.Combine(_project.FullName, "requirements.txt"), "torch==2.4.1\n");
    }

    public void Dispose()
    {
        _project.Delete(true);
        _bin.Delete(true);
    }

    private void Fake(string name, string body)
    {
        var path = Path.Combine(_bin.FullName, name);
        File.WriteAllText(path, $"#!/bin/sh\necho \"$0 $*\" >> \"{_bin.FullName}/calls.log\"\n{body}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private string[] Calls() => File.Exists(Path.Combine(_bin.FullName, "calls.log")) ? File.ReadAllLines(Path.Combine(_bin.FullName, "calls.log")) : [];

    private Task<(int ExitCode, string Stdout, string Stderr)> Check(params string[] arguments) =>
        ServerBinary.RunAsync(_project.FullName, new Dictionary<string, string> { ["PATH"] = _bin.FullName + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH") }, ["check", ".", "--format", "json", .. arguments]);

    private static List<(string Code, string File, string Message)> Diagnostics(string stdout) =>
        JsonDocument.Parse(stdout).RootElement.EnumerateArray()
            .Select(d => (d.GetProperty("code").GetString()!, d.GetProperty("file").GetString()!, d.GetProperty("message").GetString()!)).ToList();

    [Fact]
    public async Task Named_targets_warn_on_the_torch_line_and_nvidia_smi_is_not_asked()
    {
        Fake("nvidia-smi", "echo 12.0");
        var (code, stdout, stderr) = await Check("--gpu", "B200", "--gpu", "h100", "--gpu", "T4");
        Assert.True(code == 0, stderr);
        var warning = Assert.Single(Diagnostics(stdout), d => d.Code == "REQ0530");
        Assert.Equal("requirements.txt", warning.File);
        Assert.StartsWith("torch 2.4.1 (CUDA 12.4) has no kernels for B200 (sm_100)", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Calls(), c => c.Contains("nvidia-smi", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_gpu_is_a_usage_error()
    {
        var (code, stdout, stderr) = await Check("--gpu", "Z999");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("--gpu: unknown GPU 'Z999'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_targets_the_machines_gpus_and_cog_are_asked_once()
    {
        Fake("nvidia-smi", "[ \"$1 $2\" = \"--query-gpu=compute_cap --format=csv,noheader\" ] || exit 3\necho 12.0\necho 12.0\necho 8.6");
        Fake("cog", "echo 'cog version 0.16.2 (built 2025-12-01T00:00:00Z)'");
        var (code, stdout, stderr) = await Check();
        Assert.True(code == 0, stderr);
        var diagnostics = Diagnostics(stdout);
        Assert.StartsWith("torch 2.4.1 (CUDA 12.4) has no kernels for this machine's GPU (sm_120)", Assert.Single(diagnostics, d => d.Code == "REQ0530").Message, StringComparison.Ordinal);
        var installed = Assert.Single(diagnostics, d => d.Code == "COG0510");
        Assert.Equal("cog.yaml", installed.File);
        Assert.StartsWith("The cog installed here is 0.16.2; these checks follow Cog 0.22.0", installed.Message, StringComparison.Ordinal);
        Assert.Equal(1, Calls().Count(c => c.Contains("nvidia-smi", StringComparison.Ordinal)));
        Assert.Equal(1, Calls().Count(c => c.EndsWith("cog --version", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task No_gpu_and_no_target_says_nothing_and_a_hanging_tool_is_given_up()
    {
        Fake("nvidia-smi", "echo 'NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.'\nexit 9");
        Fake("cog", "sleep 120");
        var (code, stdout, stderr) = await Check();
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain(Diagnostics(stdout), d => d.Code is "REQ0530" or "COG0510");
    }
}
