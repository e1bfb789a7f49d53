using System.Collections.Concurrent;
using System.Text;

namespace CogLsp.Analysis.Workspace;

/// <summary>A file tree held in memory, for tests and benchmarks.</summary>
public sealed class InMemoryFileSystem : IFileSystem
{
    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    public InMemoryFileSystem Add(string path, string text) => Add(path, Encoding.UTF8.GetBytes(text));

    public InMemoryFileSystem Add(string path, byte[] bytes)
    {
        _files[PathUtil.Normalize(path)] = bytes;
        return this;
    }

    public void Remove(string path) => _files.TryRemove(PathUtil.Normalize(path), out _);

    public bool FileExists(string path) => _files.ContainsKey(PathUtil.Normalize(path));

    public bool DirectoryExists(string path)
    {
        var prefix = PathUtil.Normalize(path).TrimEnd('/') + "/";
        return _files.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));
    }

    public byte[]? ReadAllBytes(string path) => _files.TryGetValue(PathUtil.Normalize(path), out var bytes) ? bytes : null;

    public IEnumerable<string> EnumerateFiles(string directory)
    {
        var prefix = PathUtil.Normalize(directory).TrimEnd('/') + "/";
        return _files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.IndexOf('/', prefix.Length) < 0).Order(StringComparer.Ordinal).ToList();
    }

    public IEnumerable<string> EnumerateDirectories(string directory)
    {
        var prefix = PathUtil.Normalize(directory).TrimEnd('/') + "/";
        return _files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.IndexOf('/', prefix.Length) > 0)
            .Select(k => k[..k.IndexOf('/', prefix.Length)]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }
}
