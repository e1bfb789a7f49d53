namespace CogLsp.EndToEnd.Tests;

public class FixCommandTests
{
    private const string CogYaml = "build:\r\n  python_version: 3.10  # newest\r\n  python_packages:\r\n    - numpy==1.26.4  # arrays\r\n    - scipy\r\npredict: \"predict.py:Predictor\"\r\n";

    private static DirectoryInfo Project(params (string Name, string Text)[] files)
    {
        var directory = Directory.CreateTempSubdirectory("cog-lsp-fix-");
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(directory.FullName, name), text);
        }

        return directory;
    }

    private static string Read(DirectoryInfo project, string name) => File.ReadAllText(Path.Combine(project.FullName, name));

    [Fact]
    public async Task Dry_run_prints_a_unified_diff_and_changes_nothing()
    {
        var project = Project(("cog.yaml", CogYaml), ("predict.py", "class Predictor:\n    pass\n"));
        var (code, stdout, _) = await ServerBinary.RunAsync(project.FullName, "fix", "--migrate", "--dry-run", ".");
        Assert.Equal(0, code);
        Assert.Equal(
            "--- a/cog.yaml\n+++ b/cog.yaml\n@@ -1,6 +1,4 @@\n build:\n   python_version: 3.10  # newest\n-  python_packages:\n-    - numpy==1.26.4  # arrays\n-    - scipy\n+  python_requirements: requirements.txt\n predict: \"predict.py:Predictor\"\n"
            + "--- /dev/null\n+++ b/requirements.txt\n@@ -0,0 +1,2 @@\n+numpy==1.26.4  # arrays\n+scipy\n",
            stdout);
        Assert.Equal(CogYaml, Read(project, "cog.yaml"));
        Assert.False(File.Exists(Path.Combine(project.FullName, "requirements.txt")));
        project.Delete(true);
    }

    [Fact]
    public async Task Migrate_writes_both_files_keeping_crlf_and_the_byte_order_mark()
    {
        var project = Project(("predict.py", "class Predictor:\n    pass\n"));
        File.WriteAllBytes(Path.Combine(project.FullName, "cog.yaml"), [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(CogYaml)]);
        var (code, stdout, stderr) = await ServerBinary.RunAsync(project.FullName, "fix", "--migrate", "cog.yaml");
        Assert.True(code == 0, stderr);
        Assert.Contains("created requirements.txt", stdout);
        var bytes = File.ReadAllBytes(Path.Combine(project.FullName, "cog.yaml"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(CogYaml.Replace("  python_packages:\r\n    - numpy==1.26.4  # arrays\r\n    - scipy\r\n", "  python_requirements: requirements.txt\r\n", StringComparison.Ordinal), System.Text.Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal("numpy==1.26.4  # arrays\r\nscipy\r\n", Read(project, "requirements.txt"));
        Assert.Empty(project.GetFiles("*.tmp", SearchOption.AllDirectories).Concat(project.GetFiles(".*", SearchOption.AllDirectories)));

        // A second run finds nothing left to migrate.
        (code, stdout, _) = await ServerBinary.RunAsync(project.FullName, "fix", "--migrate", ".");
        Assert.Equal(0, code);
        Assert.Contains("Nothing to fix.", stdout);
        project.Delete(true);
    }

    [Fact]
    public async Task Migrate_merges_into_an_existing_requirements_file()
    {
        var project = Project(("cog.yaml", "build:\n  python_packages:\n    - numpy==1.26.4\n    - scipy\n"), ("requirements.txt", "# pinned\nnumpy==1.25.0"));
        var (code, stdout, _) = await ServerBinary.RunAsync(project.FullName, "fix", "--migrate", project.FullName);
        Assert.Equal(0, code);
        Assert.Contains("keeps requirements.txt's numpy==1.25.0, not numpy==1.26.4", stdout);
        Assert.Equal("# pinned\nnumpy==1.25.0\nscipy\n", Read(project, "requirements.txt"));
        Assert.Equal("build:\n  python_requirements: requirements.txt\n", Read(project, "cog.yaml"));
        project.Delete(true);
    }

    [Fact]
    public async Task All_applies_every_fix_after_the_migration()
    {
        var project = Project(("cog.yaml", CogYaml), ("predict.py", "class Predictor:\n    pass\n"));
        var (code, _, stderr) = await ServerBinary.RunAsync(project.FullName, "fix", "--migrate", "--all", ".");
        Assert.True(code == 0, stderr);
        Assert.Equal("build:\r\n  python_version: \"3.10\"  # newest\r\n  python_requirements: requirements.txt\r\nrun: \"predict.py:Predictor\"\r\n", Read(project, "cog.yaml"));
        project.Delete(true);
    }

    [Theory]
    [InlineData("fix", ".")]
    [InlineData("fix", "--migrate")]
    [InlineData("fix", "--migrate", "/no/such/project")]
    public async Task Usage_errors_give_exit_code_2(params string[] arguments)
    {
        var (code, _, stderr) = await ServerBinary.RunAsync(null, arguments);
        Assert.Equal(2, code);
        Assert.False(string.IsNullOrWhiteSpace(stderr));
    }
}
