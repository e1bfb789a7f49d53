namespace CogLsp.Analysis.Workspace;

/// <summary>
/// The only way Analysis reads the disk, so tests can run on an in-memory tree.
/// Paths are absolute, with '/' or the platform's separator.
/// </summary>
public interface IFileSystem
{
    bool FileExists(string path);

    bool DirectoryExists(string path);

    /// <summary>The file's bytes, or null when it does not exist or cannot be read.</summary>
    byte[]? ReadAllBytes(string path);

    /// <summary>Files directly in <paramref name="directory"/> (not recursive); empty when it does not exist.</summary>
    IEnumerable<string> EnumerateFiles(string directory);

    /// <summary>Folders directly in <paramref name="directory"/> (not recursive); empty when it does not exist.</summary>
    IEnumerable<string> EnumerateDirectories(string directory);
}
