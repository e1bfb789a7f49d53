using System.Collections.Immutable;
using CogLsp.Syntax.Pep440;

namespace CogLsp.Analysis.Workspace;

/// <summary>
/// The packages installed in a project's virtual environment (`.venv`, `venv`, or the folder named by
/// $VIRTUAL_ENV), read from `*.dist-info/METADATA` files. Python is never run. Used to offer "pin to the
/// version you have installed". Keys are PEP 503 normalised names.
/// </summary>
public static class InstalledPackages
{
    public sealed record Installed(string Name, string Version, string Environment);

    public static ImmutableDictionary<string, Installed> Find(WorkspaceSnapshot workspace, string projectDirectory, string? virtualEnv = null)
    {
        virtualEnv ??= Environment.GetEnvironmentVariable("VIRTUAL_ENV");
        return workspace.GetOrAdd(("installed-packages", projectDirectory, virtualEnv ?? string.Empty), w => Read(w.FileSystem, projectDirectory, virtualEnv));
    }

    private static ImmutableDictionary<string, Installed> Read(IFileSystem fileSystem, string projectDirectory, string? virtualEnv)
    {
        var result = ImmutableDictionary.CreateBuilder<string, Installed>(StringComparer.Ordinal);
        var environments = new List<string>();
        if (!string.IsNullOrEmpty(virtualEnv))
        {
            environments.Add(PathUtil.Normalize(virtualEnv));
        }

        environments.Add(PathUtil.Resolve(projectDirectory, ".venv"));
        environments.Add(PathUtil.Resolve(projectDirectory, "venv"));
        foreach (var environment in environments.Distinct(StringComparer.Ordinal))
        {
            foreach (var sitePackages in SitePackages(fileSystem, environment))
            {
                foreach (var distInfo in fileSystem.EnumerateDirectories(sitePackages).Where(d => d.EndsWith(".dist-info", StringComparison.Ordinal)).Take(5000))
                {
                    if (ReadMetadata(fileSystem, PathUtil.Resolve(distInfo, "METADATA")) is { } metadata)
                    {
                        result.TryAdd(PackageName.Normalize(metadata.Name), new Installed(metadata.Name, metadata.Version, environment));
                    }
                }
            }
        }

        return result.ToImmutable();
    }

    private static IEnumerable<string> SitePackages(IFileSystem fileSystem, string environment)
    {
        // POSIX: lib/pythonX.Y/site-packages; Windows: Lib/site-packages.
        foreach (var lib in new[] { "lib", "Lib", "lib64" })
        {
            var libPath = PathUtil.Resolve(environment, lib);
            var direct = PathUtil.Resolve(libPath, "site-packages");
            if (fileSystem.DirectoryExists(direct))
            {
                yield return direct;
            }

            foreach (var python in fileSystem.EnumerateDirectories(libPath).Where(d => PathUtil.GetFileName(d).StartsWith("python", StringComparison.Ordinal)))
            {
                var site = PathUtil.Resolve(python, "site-packages");
                if (fileSystem.DirectoryExists(site))
                {
                    yield return site;
                }
            }
        }
    }

    /// <summary>Reads the Name and Version headers of a core metadata file (RFC 822 style; headers end at the first blank line).</summary>
    internal static (string Name, string Version)? ReadMetadata(IFileSystem fileSystem, string path)
    {
        var bytes = fileSystem.ReadAllBytes(path);
        if (bytes is null)
        {
            return null;
        }

        string? name = null, version = null;
        foreach (var line in Syntax.Text.SourceText.FromBytes(bytes).Text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0)
            {
                break;
            }

            if (trimmed.StartsWith("Name:", StringComparison.OrdinalIgnoreCase))
            {
                name ??= trimmed[5..].Trim();
            }
            else if (trimmed.StartsWith("Version:", StringComparison.OrdinalIgnoreCase))
            {
                version ??= trimmed[8..].Trim();
            }
        }

        return name is { Length: > 0 } && version is { Length: > 0 } ? (name, version) : null;
    }
}
