namespace CogLsp.PackageIndex;

/// <summary>Where the package-index cache lives when no directory is given.</summary>
public static class PackageIndexCache
{
    /// <summary>The environment variable that overrides the cache directory.</summary>
    public const string DirectoryVariable = "COG_LSP_CACHE_DIR";

    /// <summary>
    /// $COG_LSP_CACHE_DIR when set; else the platform's cache folder: Linux (and other Unix)
    /// $XDG_CACHE_HOME/cog-lsp or ~/.cache/cog-lsp, macOS ~/Library/Caches/cog-lsp, Windows
    /// %LOCALAPPDATA%\cog-lsp\cache. <paramref name="environment"/> reads variables (tests pass their own).
    /// </summary>
    public static string DefaultDirectory(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var overridden = environment(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return overridden;
        }

        if (OperatingSystem.IsWindows())
        {
            var local = environment("LOCALAPPDATA");
            if (string.IsNullOrEmpty(local))
            {
                local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            }

            return Path.Combine(local, "cog-lsp", "cache");
        }

        var home = environment("HOME");
        if (string.IsNullOrEmpty(home))
        {
            home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        }

        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Caches", "cog-lsp");
        }

        // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
        var xdg = environment("XDG_CACHE_HOME");
        var root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg) ? xdg : Path.Combine(home, ".cache");
        return Path.Combine(root, "cog-lsp");
    }
}
