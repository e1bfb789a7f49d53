using System.Text.Json;

namespace CogLsp.EndToEnd.Tests;

public class CheckCommandTests
{
    private static DirectoryInfo Project(params (string Name, string Text)[] files)
    {
        var directory = Directory.CreateTempSubdirectory("cog-lsp-check-");
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(directory.FullName, name), text);
        }

        return directory;
    }

    [Fact]
    public async Task Json_output_has_the_fixed_shape_and_an_error_gives_exit_code_1()
    {
        var project = Project(("cog.yaml", "build:\n  python_version: \"3.11\n"));
        var (code, stdout, _) = await ServerBinary.RunAsync(project.FullName, "check", ".", "--format", "json");
        Assert.Equal(1, code);
        var item = Assert.Single(JsonDocument.Parse(stdout).RootElement.EnumerateArray(), d => d.GetProperty("code").GetString() == "COG0001");
        Assert.Equal("cog.yaml", item.GetProperty("file").GetString());
        Assert.Equal("error", item.GetProperty("severity").GetString());
        Assert.Equal(1, item.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.True(item.GetProperty("range").GetProperty("end").TryGetProperty("character", out _));
        Assert.False(string.IsNullOrEmpty(item.GetProperty("message").GetString()));
        project.Delete(true);
    }

    [Fact]
    public async Task Severity_override_below_error_gives_exit_code_0()
    {
        var project = Project(("cog.yaml", "build:\n  python_version: \"3.11\n"));
        var (code, stdout, _) = await ServerBinary.RunAsync(project.FullName, "check", ".", "--severity", "COG0001=warning");
        Assert.Equal(0, code);
        Assert.Contains("warning COG0001", stdout);
        project.Delete(true);
    }

    [Theory]
    [InlineData("sarif", "\"ruleId\": \"COG0001\"")]
    [InlineData("github", "::error file=cog.yaml,line=2")]
    [InlineData("text", "cog.yaml:2:")]
    public async Task Other_formats_name_the_rule_and_place(string format, string expected)
    {
        var project = Project(("cog.yaml", "build:\n  python_version: \"3.11\n"));
        var (_, stdout, _) = await ServerBinary.RunAsync(project.FullName, "check", project.FullName, "--format", format);
        Assert.Contains(expected, stdout.Replace(project.FullName + "/", string.Empty));
        project.Delete(true);
    }

    [Fact]
    public async Task A_requirements_file_named_alone_is_checked_with_the_cog_yaml_above_it()
    {
        // What a pre-commit hook passes when only the requirements file changed: its path, from the repository root.
        var project = Project(("cog.yaml", "build:\n  gpu: true\n  python_version: \"3.10\"\n  python_requirements: deps/requirements.txt\n"));
        Directory.CreateDirectory(Path.Combine(project.FullName, "deps"));
        File.WriteAllText(Path.Combine(project.FullName, "deps", "requirements.txt"), "torch==1.11.0\n");
        var (code, stdout, _) = await ServerBinary.RunAsync(project.FullName, "check", "deps/requirements.txt");
        Assert.Equal(0, code);
        Assert.Contains("deps/requirements.txt:1:1: information REQ0500: torch==1.11.0 will be installed as torch 1.11.0+cu113", stdout);
        Assert.DoesNotContain("cog.yaml:", stdout);
        project.Delete(true);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("check", ".", "--format", "yaml")]
    [InlineData("check", ".", "--severity", "COG0001=loud")]
    [InlineData("frobnicate")]
    public async Task Usage_errors_give_exit_code_2(params string[] arguments)
    {
        var (code, _, stderr) = await ServerBinary.RunAsync(null, arguments);
        Assert.Equal(2, code);
        Assert.False(string.IsNullOrWhiteSpace(stderr));
    }

    [Fact]
    public async Task A_missing_path_is_reported()
    {
        var (code, _, stderr) = await ServerBinary.RunAsync(null, "check", "/no/such/project");
        Assert.Equal(2, code);
        Assert.Contains("no such file or directory", stderr);
    }

    [Fact]
    public async Task Version_and_help_work()
    {
        var (code, stdout, _) = await ServerBinary.RunAsync(null, "--version");
        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+\.\d+", stdout.Trim());
        (code, stdout, _) = await ServerBinary.RunAsync(null, "--help");
        Assert.Equal(0, code);
        Assert.Contains("check", stdout);
    }
}
