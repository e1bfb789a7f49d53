using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Tests.Workspace;

public class InstalledPackagesTests
{
    [Fact]
    public void Versions_are_read_from_dist_info_metadata_of_the_project_venv()
    {
        var files = new InMemoryFileSystem()
            .Add("/p/.venv/lib/python3.11/site-packages/numpy-1.26.4.dist-info/METADATA", "Metadata-Version: 2.1\nName: numpy\nVersion: 1.26.4\n\nDescription: Version: 9.9\n")
            .Add("/p/.venv/lib/python3.11/site-packages/Pillow-10.2.0.dist-info/METADATA", "Metadata-Version: 2.1\r\nName: Pillow\r\nVersion: 10.2.0\r\n")
            .Add("/p/.venv/lib/python3.11/site-packages/broken.dist-info/METADATA", "Name: broken\n");
        var installed = InstalledPackages.Find(WorkspaceSnapshot.Create(files), "/p", virtualEnv: string.Empty);
        Assert.Equal("1.26.4", installed["numpy"].Version);
        Assert.Equal("10.2.0", installed["pillow"].Version);
        Assert.False(installed.ContainsKey("broken"));
    }

    [Fact]
    public void The_virtual_env_variable_wins_over_the_project_folders()
    {
        var files = new InMemoryFileSystem()
            .Add("/envs/a/lib/python3.12/site-packages/torch-2.3.1.dist-info/METADATA", "Name: torch\nVersion: 2.3.1+cu121\n")
            .Add("/p/venv/lib/python3.12/site-packages/torch-2.0.0.dist-info/METADATA", "Name: torch\nVersion: 2.0.0\n");
        var installed = InstalledPackages.Find(WorkspaceSnapshot.Create(files), "/p", virtualEnv: "/envs/a");
        Assert.Equal("2.3.1+cu121", installed["torch"].Version);
    }

    [Fact]
    public void No_environment_means_nothing_installed()
    {
        Assert.Empty(InstalledPackages.Find(WorkspaceSnapshot.Create(new InMemoryFileSystem()), "/p", virtualEnv: string.Empty));
    }
}
