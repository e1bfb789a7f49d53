using CogLsp.Server.Cli;

namespace CogLsp.Server.Tests.Cli;

/// <summary>`cog-lsp fix` never overwrites a change it did not see: the write guard, in process.</summary>
public class FixWriteGuardTests
{
    private const string CogYaml = "build:\n  python_packages:\n    - numpy\n";

    private static DirectoryInfo Project()
    {
        var directory = Directory.CreateTempSubdirectory("cog-lsp-guard-");
        File.WriteAllText(Path.Combine(directory.FullName, "cog.yaml"), CogYaml);
        return directory;
    }

    private static (int Code, string Stdout, string Stderr) Run(DirectoryInfo project, Action? beforeReplace, params string[] flags)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = FixCommand.Run(["."], flags.Contains("--migrate"), flags.Contains("--all"), flags.Contains("--dry-run"), stdout, stderr, project.FullName, beforeReplace);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void A_file_changed_between_read_and_write_is_refused_and_nothing_is_written()
    {
        var project = Project();
        var cogYaml = Path.Combine(project.FullName, "cog.yaml");
        const string Edited = "build:\n  python_packages:\n    - numpy\n    - scipy\n";
        var (code, _, stderr) = Run(project, () => File.WriteAllText(cogYaml, Edited), "--migrate");
        Assert.Equal(1, code);
        Assert.Contains("changed on disk since it was read; nothing was written", stderr);
        Assert.Equal(Edited, File.ReadAllText(cogYaml));
        Assert.False(File.Exists(Path.Combine(project.FullName, "requirements.txt")));
        Assert.Single(project.GetFiles());
        project.Delete(true);
    }

    [Fact]
    public void A_file_to_create_that_appeared_meanwhile_is_refused()
    {
        var project = Project();
        var requirements = Path.Combine(project.FullName, "requirements.txt");
        var (code, _, stderr) = Run(project, () => File.WriteAllText(requirements, "torch\n"), "--migrate");
        Assert.Equal(1, code);
        Assert.Contains("appeared since the fixes were computed", stderr);
        Assert.Equal("torch\n", File.ReadAllText(requirements));
        Assert.Equal(CogYaml, File.ReadAllText(Path.Combine(project.FullName, "cog.yaml")));
        project.Delete(true);
    }

    [Fact]
    public void Without_interference_the_files_are_written()
    {
        var project = Project();
        var (code, stdout, _) = Run(project, null, "--migrate");
        Assert.Equal(0, code);
        Assert.Contains("wrote cog.yaml", stdout);
        Assert.Equal("numpy\n", File.ReadAllText(Path.Combine(project.FullName, "requirements.txt")));
        project.Delete(true);
    }

    [Fact]
    public void The_guard_compares_the_bytes_not_only_length_and_time()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("cog-lsp-guard-").FullName, "f.txt");
        File.WriteAllText(path, "abc");
        var stamp = AtomicFileWriter.Read(path);
        var time = File.GetLastWriteTimeUtc(path);
        File.WriteAllText(path, "xyz");
        File.SetLastWriteTimeUtc(path, time);
        Assert.False(AtomicFileWriter.IsUnchanged(stamp));
        Assert.NotEmpty(AtomicFileWriter.Commit([new AtomicFileWriter.Write(stamp, "new"u8.ToArray())]));
        Assert.Equal("xyz", File.ReadAllText(path));
    }
}
