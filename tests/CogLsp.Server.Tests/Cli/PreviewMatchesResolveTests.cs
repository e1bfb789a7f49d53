using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Cli;

namespace CogLsp.Server.Tests.Cli;

/// <summary>
/// The preview's requirements section is what `cog-lsp resolve` prints for the same project on disk:
/// the server's cogLsp.preview (over LSP, reading the disk) against the CLI's stdout, byte for byte.
/// </summary>
public sealed class PreviewMatchesResolveTests
{
    private static string Repository()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "CogLsp.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("CogLsp.sln not found above the test binaries");
        }

        return root;
    }

    /// <summary>The fenced block after the preview's requirements heading.</summary>
    private static string RequirementsSection(string preview)
    {
        var heading = preview.IndexOf(CogBuildPreview.RequirementsHeading + "\n", StringComparison.Ordinal);
        Assert.True(heading >= 0, "the preview has no requirements section:\n" + preview);
        var start = preview.IndexOf("```text\n", heading, StringComparison.Ordinal) + "```text\n".Length;
        var end = preview.IndexOf("```\n", start, StringComparison.Ordinal);
        return preview[start..end];
    }

    private static async Task CheckAsync(string directory)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        ResolveCommand.Run(directory, "linux", "amd64", "text", stdout, stderr);

        await using var server = new InProcessServer(disk: PhysicalFileSystem.Instance);
        await server.Client.InitializeAsync(rootUri: new Uri(directory).AbsoluteUri);
        var cogYaml = new Uri(Path.Combine(directory, "cog.yaml")).AbsoluteUri;
        var preview = (await server.Client.ResultAsync("workspace/executeCommand", new { command = "cogLsp.preview", arguments = new[] { cogYaml } })).GetString()!;
        Assert.Equal(stdout.ToString(), RequirementsSection(preview));
    }

    [Theory]
    [InlineData("seed-project")]
    [InlineData("legacy-project")]
    public Task Example_projects(string name) => CheckAsync(Path.Combine(Repository(), "examples", name));

    [Theory]
    [InlineData("torch==2.1.0\ntorchvision==0.16.0\ncog==0.9.0\nnumpy==1.26.4\n", "--extra-index-url https://download.pytorch.org/whl/cu121/\n")]
    [InlineData("--extra-index-url https://download.pytorch.org/whl/cu118\ntorch==2.0.1+cu118\npillow\n", "torch==2.0.1\npillow\n")]
    [InlineData("torch\n", "")]
    public async Task Torch_projects(string requirements, string expectedPart)
    {
        var project = Directory.CreateTempSubdirectory("cog-lsp-preview-");
        try
        {
            File.WriteAllText(Path.Combine(project.FullName, "cog.yaml"), "build:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n");
            File.WriteAllText(Path.Combine(project.FullName, "requirements.txt"), requirements);
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            ResolveCommand.Run(project.FullName, "linux", "amd64", "text", stdout, stderr);
            Assert.Contains(expectedPart, stdout.ToString(), StringComparison.Ordinal);
            await CheckAsync(project.FullName);
        }
        finally
        {
            project.Delete(true);
        }
    }
}
