namespace CogLsp.Analysis.Workspace;

/// <summary>
/// Finds the files the product understands (cog.yaml, requirements files by name) below a folder, for
/// the command line. Bounded in depth; skips folders that hold other people's files (virtual
/// environments, node_modules, build output, version control).
/// </summary>
public static class ProjectDiscovery
{
    public const int MaxDepth = 8;

    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal)
    {
        ".git", "node_modules", ".venv", "venv", "__pycache__", ".mypy_cache", ".tox", "bin", "obj", "site-packages",
    };

    public static IEnumerable<string> FindFiles(IFileSystem fileSystem, string directory)
    {
        var pending = new Stack<(string Path, int Depth)>();
        pending.Push((PathUtil.Normalize(directory), 0));
        while (pending.Count > 0)
        {
            var (current, depth) = pending.Pop();
            foreach (var file in fileSystem.EnumerateFiles(current))
            {
                var normalized = PathUtil.Normalize(file);
                if (DocumentClassifier.ClassifyByName(normalized) != DocumentKind.Unknown)
                {
                    yield return normalized;
                }
            }

            if (depth >= MaxDepth)
            {
                continue;
            }

            foreach (var sub in fileSystem.EnumerateDirectories(current))
            {
                if (!SkippedDirectories.Contains(PathUtil.GetFileName(sub)))
                {
                    pending.Push((PathUtil.Normalize(sub), depth + 1));
                }
            }
        }
    }
}
