using System.Text.Json;

namespace CogLsp.Server.Tests.Protocol;

/// <summary>The python_packages migration through the protocol: a created file plus versioned edits.</summary>
public class MigrationCodeActionTests
{
    [Fact]
    public async Task The_migration_creates_the_file_and_edits_cog_yaml_at_its_version()
    {
        await using var server = new InProcessServer();
        await server.Client.InitializeAsync(new { workspace = new { workspaceEdit = new { documentChanges = true, resourceOperations = new[] { "create" } } } }, rootUri: "file:///p");
        const string Uri = "file:///p/cog.yaml";
        await server.Client.OpenAsync(Uri, "build:\n  python_packages:\n    - numpy==1.26.4\n", version: 3);
        var actions = await server.Client.ResultAsync("textDocument/codeAction", new
        {
            textDocument = new { uri = Uri },
            range = new { start = new { line = 1, character = 4 }, end = new { line = 1, character = 4 } },
            context = new { diagnostics = Array.Empty<object>() },
        });
        var migration = Assert.Single(actions.EnumerateArray(), a => a.GetProperty("title").GetString() == "Migrate python_packages to requirements.txt");
        Assert.Equal("quickfix", migration.GetProperty("kind").GetString());
        var changes = migration.GetProperty("edit").GetProperty("documentChanges").EnumerateArray().ToList();
        Assert.Equal("create", changes[0].GetProperty("kind").GetString());
        Assert.Equal("file:///p/requirements.txt", changes[0].GetProperty("uri").GetString());
        Assert.Equal("numpy==1.26.4\n", changes[1].GetProperty("edits")[0].GetProperty("newText").GetString());
        var cogYamlEdit = changes[2];
        Assert.Equal(Uri, cogYamlEdit.GetProperty("textDocument").GetProperty("uri").GetString());
        Assert.Equal(3, cogYamlEdit.GetProperty("textDocument").GetProperty("version").GetInt32());
        Assert.Equal("  python_requirements: requirements.txt\n", cogYamlEdit.GetProperty("edits")[0].GetProperty("newText").GetString());
        Assert.Equal(JsonValueKind.Object, cogYamlEdit.GetProperty("edits")[0].GetProperty("range").ValueKind);
    }
}

public class MigrationWithoutFileCreationTests
{
    private const string CogYaml = "build:\n  python_version: \"3.11\"\n  python_packages:\n    - numpy==1.26.4\n";

    [Fact]
    public async Task A_client_that_cannot_create_files_gets_a_command_that_creates_the_file_and_edits_cog_yaml()
    {
        var project = await CreateProjectAsync();
        await using var server = new InProcessServer(disk: CogLsp.Analysis.Workspace.PhysicalFileSystem.Instance);
        var applied = new TaskCompletionSource<JsonElement>();
        server.Client.ServerRequestHandlers["workspace/applyEdit"] = p =>
        {
            applied.TrySetResult(p);
            return new { applied = true };
        };
        var actions = await OpenAndAskForActionsAsync(server, project, version: 5);
        var migration = Assert.Single(actions.EnumerateArray(), a => a.GetProperty("title").GetString()!.StartsWith("Migrate python_packages", StringComparison.Ordinal));
        Assert.False(migration.TryGetProperty("edit", out _));
        var command = migration.GetProperty("command");
        Assert.Equal("cogLsp.applyCodeAction", command.GetProperty("command").GetString());

        await server.Client.ResultAsync("workspace/executeCommand", new { command = command.GetProperty("command").GetString(), arguments = command.GetProperty("arguments") });
        Assert.Equal("numpy==1.26.4\n", await File.ReadAllTextAsync(Path.Combine(project.FullName, "requirements.txt")));
        var edit = await applied.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var documentEdit = edit.GetProperty("edit").GetProperty("documentChanges")[0];
        Assert.Equal(5, documentEdit.GetProperty("textDocument").GetProperty("version").GetInt32());
        Assert.Contains("python_requirements: requirements.txt", documentEdit.GetProperty("edits")[0].GetProperty("newText").GetString());
        project.Delete(true);
    }

    [Fact]
    public async Task The_command_never_overwrites_an_existing_file()
    {
        var project = await CreateProjectAsync();
        await using var server = new InProcessServer(disk: CogLsp.Analysis.Workspace.PhysicalFileSystem.Instance);
        var actions = await OpenAndAskForActionsAsync(server, project, version: 1);
        var command = actions.EnumerateArray().First(a => a.TryGetProperty("command", out _)).GetProperty("command");

        // Someone creates the file between the offer and the click.
        await File.WriteAllTextAsync(Path.Combine(project.FullName, "requirements.txt"), "keep me\n");
        var response = await server.Client.RequestAsync("workspace/executeCommand", new { command = command.GetProperty("command").GetString(), arguments = command.GetProperty("arguments") });
        Assert.True(response.TryGetProperty("error", out _));
        Assert.Equal("keep me\n", await File.ReadAllTextAsync(Path.Combine(project.FullName, "requirements.txt")));
        project.Delete(true);
    }

    /// <summary>A project on disk whose cog.yaml still lists python_packages.</summary>
    private static async Task<DirectoryInfo> CreateProjectAsync()
    {
        var project = Directory.CreateTempSubdirectory("cog-lsp-migrate-");
        await File.WriteAllTextAsync(Path.Combine(project.FullName, "cog.yaml"), CogYaml);
        return project;
    }

    /// <summary>Opens the cog.yaml in a client that can apply edits but not create files, and asks for the actions on the python_packages entry.</summary>
    private static async Task<JsonElement> OpenAndAskForActionsAsync(InProcessServer server, DirectoryInfo project, int version)
    {
        var uri = new Uri(Path.Combine(project.FullName, "cog.yaml")).AbsoluteUri;
        await server.Client.InitializeAsync(new { workspace = new { applyEdit = true, workspaceEdit = new { documentChanges = true } } });
        await server.Client.OpenAsync(uri, CogYaml, version);
        return await server.Client.ResultAsync("textDocument/codeAction", new
        {
            textDocument = new { uri },
            range = new { start = new { line = 2, character = 4 }, end = new { line = 2, character = 4 } },
            context = new { diagnostics = Array.Empty<object>() },
        });
    }
}
