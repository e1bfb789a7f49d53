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
