namespace CogLsp.PackageIndex.Tests;

public sealed class CacheLocationTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Cog_lsp_cache_dir_wins()
    {
        Assert.Equal("/tmp/mine", PackageIndexCache.DefaultDirectory(Env(("COG_LSP_CACHE_DIR", "/tmp/mine"), ("XDG_CACHE_HOME", "/x"), ("HOME", "/home/u"))));
    }

    [Fact]
    public void Platform_cache_folder_otherwise()
    {
        if (OperatingSystem.IsLinux())
        {
            Assert.Equal("/x/cog-lsp", PackageIndexCache.DefaultDirectory(Env(("XDG_CACHE_HOME", "/x"), ("HOME", "/home/u"))));
            Assert.Equal("/home/u/.cache/cog-lsp", PackageIndexCache.DefaultDirectory(Env(("XDG_CACHE_HOME", "relative"), ("HOME", "/home/u"))));
            Assert.Equal("/home/u/.cache/cog-lsp", PackageIndexCache.DefaultDirectory(Env(("HOME", "/home/u"))));
        }
        else if (OperatingSystem.IsMacOS())
        {
            Assert.Equal("/Users/u/Library/Caches/cog-lsp", PackageIndexCache.DefaultDirectory(Env(("HOME", "/Users/u"))));
        }
        else if (OperatingSystem.IsWindows())
        {
            Assert.Equal(@"C:\Users\u\AppData\Local\cog-lsp\cache", PackageIndexCache.DefaultDirectory(Env(("LOCALAPPDATA", @"C:\Users\u\AppData\Local"))));
        }
    }
}
