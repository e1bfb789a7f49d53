using System.Text.Json;

namespace CogLsp.EndToEnd.Tests;

public class ResolveCommandTests
{
    private static DirectoryInfo Project(string cogYaml, string? requirements = null)
    {
        var directory = Directory.CreateTempSubdirectory("cog-lsp-resolve-");
        File.WriteAllText(Path.Combine(directory.FullName, "cog.yaml"), cogYaml);
        if (requirements is not null)
        {
            File.WriteAllText(Path.Combine(directory.FullName, "requirements.txt"), requirements);
        }

        return directory;
    }

    [Fact]
    public async Task The_seed_project_resolves_torch_to_its_cuda_build_with_the_index_first()
    {
        var (code, stdout, stderr) = await ServerBinary.RunAsync(null, "resolve", "--project", "examples/seed-project");
        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("--extra-index-url https://download.pytorch.org/whl/cu113", lines[0]);
        Assert.Contains("torch==1.11.0", lines);
        Assert.Contains("numpy>=1.2,<2", lines);
        Assert.Contains("cuda: 11.3", stderr);
        Assert.Contains("base_image: nvidia/cuda:11.3.1-cudnn8-devel-ubuntu20.04", stderr);
    }

    [Fact]
    public async Task Json_output_carries_requirements_cuda_cudnn_base_image_warnings_and_error()
    {
        var project = Project("build:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n", "torch==2.0.1\n");
        var (code, stdout, _) = await ServerBinary.RunAsync(null, "resolve", "--project", project.FullName, "--format", "json");
        Assert.Equal(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        var requirements = root.GetProperty("requirements").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("torch==2.0.1", requirements);
        Assert.Contains(requirements, r => r!.StartsWith("--extra-index-url https://download.pytorch.org/whl/cu118", StringComparison.Ordinal));
        Assert.Equal("11.8", root.GetProperty("cuda").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("base_image").GetString()));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("warnings").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
        project.Delete(true);
    }

    [Fact]
    public async Task Where_Cog_fails_resolve_exits_1_with_Cogs_error()
    {
        var project = Project("build:\n  python_version: \"3.11\"\n  python_requirements: missing.txt\n");
        var (code, _, stderr) = await ServerBinary.RunAsync(null, "resolve", "--project", project.FullName);
        Assert.Equal(1, code);
        Assert.Contains("missing.txt", stderr);
        project.Delete(true);
    }

    [Fact]
    public async Task A_folder_without_cog_yaml_is_an_error()
    {
        var project = Directory.CreateTempSubdirectory("cog-lsp-resolve-");
        var (code, _, stderr) = await ServerBinary.RunAsync(null, "resolve", "--project", project.FullName);
        Assert.Equal(1, code);
        Assert.Contains("no cog.yaml", stderr);
        project.Delete(true);
    }
}
