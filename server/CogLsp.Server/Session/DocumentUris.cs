using System.Collections.Concurrent;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Server.Session;

/// <summary>
/// Converts between LSP document URIs and the absolute paths Analysis works with, for the file system of
/// <see cref="PathFlavor"/> (the current OS unless a test passes another).
/// </summary>
/// <remarks>
/// Invariants: the URI a client used for a path is remembered and echoed back unchanged, because clients
/// compare URIs as strings (VS Code sends `file:///c%3A/Users/…`, others `file:///C:/Users/…`). Where the
/// file system ignores case, every spelling of a folder becomes the first spelling seen, so one file opened
/// as `/Users/Me/Proj/cog.yaml` and `/users/me/proj/cog.yaml` is one document, and the paths cog.yaml
/// derives for its requirements file match the open one. Where case matters (Linux), paths are as sent.
/// </remarks>
public sealed class DocumentUris(PathFlavor flavor)
{
    private readonly ConcurrentDictionary<string, string> _uriByPath = new(flavor.Comparer);
    private readonly ConcurrentDictionary<string, string> _uriByFolder = new(flavor.Comparer);
    private readonly Dictionary<string, string> _spellingByFolder = new(flavor.Comparer);
    private readonly Lock _spellingLock = new();

    public DocumentUris()
        : this(PathFlavor.Current)
    {
    }

    public PathFlavor Flavor { get; } = flavor;

    /// <summary>The path of a file: URI, or null for other schemes (untitled:, vscode-notebook-cell:…).</summary>
    public string? ToPath(string uri)
    {
        var local = Flavor.HasDrives ? WindowsLocalPath(uri) : PosixLocalPath(uri);
        if (local is null)
        {
            return null;
        }

        var path = Flavor.IgnoreCase ? FirstSpelling(PathUtil.Normalize(local)) : PathUtil.Normalize(local);
        if (_uriByPath.TryAdd(path, uri) && Flavor.HasDrives)
        {
            RememberFolderUris(path, uri);
        }

        return path;
    }

    /// <summary>The URI the client used for <paramref name="path"/>; for a path it never sent, one in the style it uses for the folder.</summary>
    public string ToUri(string path)
    {
        if (_uriByPath.TryGetValue(path, out var uri))
        {
            return uri;
        }

        if (!Flavor.HasDrives)
        {
            return new Uri(path).AbsoluteUri;
        }

        // A file next to one the client opened (the requirements file of an open cog.yaml): the folder's URI
        // as the client wrote it, so the client recognises the file when it opens it.
        for (var folder = PathUtil.GetDirectory(path); folder is not ("." or "/"); folder = PathUtil.GetDirectory(folder))
        {
            if (_uriByFolder.TryGetValue(folder, out var folderUri))
            {
                return folderUri + EscapeSegments(path[folder.Length..]);
            }
        }

        // RFC 8089's forms: file:///C:/path and file://server/share/path.
        return path.StartsWith("//", StringComparison.Ordinal)
            ? "file:" + "//" + EscapeSegments(path[2..])
            : "file:///" + (path.Length >= 2 && path[1] == ':' ? path[..2] + EscapeSegments(path[2..]) : EscapeSegments(path.TrimStart('/')));
    }

    private static string? PosixLocalPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : null;

    /// <summary>
    /// A Windows file URI as a '/'-separated path: `file:///c%3A/x` and `file:///C:/x` → `c:/x` / `C:/x`
    /// (percent-escapes and backslashes decoded), `file://server/share/x` and `file:////server/share/x` →
    /// `//server/share/x`. Parsed by hand because System.Uri reads these as the host OS does.
    /// </summary>
    private static string? WindowsLocalPath(string uri)
    {
        if (!uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = uri[5..];
        var end = rest.IndexOfAny(['?', '#']);
        if (end >= 0)
        {
            rest = rest[..end];
        }

        var authority = string.Empty;
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            rest = rest[2..];
            var slash = rest.IndexOfAny(['/', '\\']);
            authority = slash < 0 ? rest : rest[..slash];
            rest = slash < 0 ? string.Empty : rest[slash..];
        }

        var path = Uri.UnescapeDataString(rest).Replace('\\', '/');
        authority = Uri.UnescapeDataString(authority);
        if (PathUtil.IsDrive(authority))
        {
            // file://C:/x, written by some tools: the "host" is the drive.
            return authority + path;
        }

        if (authority.Length > 0 && !authority.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "//" + authority + path;
        }

        return path.Length >= 3 && path[0] == '/' && PathUtil.IsDrive(path[1..3]) && (path.Length == 3 || path[3] == '/') ? path[1..] : path;
    }

    /// <summary>The path with its longest already-seen folder (or itself) spelled as first seen (case-insensitive file systems only).</summary>
    private string FirstSpelling(string path)
    {
        lock (_spellingLock)
        {
            var result = path;
            foreach (var folder in Folders(path).Append(path).Reverse())
            {
                if (_spellingByFolder.TryGetValue(folder, out var spelling))
                {
                    result = spelling + path[folder.Length..];
                    break;
                }
            }

            foreach (var folder in Folders(result).Append(result))
            {
                _spellingByFolder.TryAdd(folder, folder);
            }

            return result;
        }
    }

    /// <summary>Remembers the URI prefix of each folder above <paramref name="path"/>, as the client wrote it.</summary>
    private void RememberFolderUris(string path, string uri)
    {
        // Only where the URI's segments line up with the path's (no query, no escaped separators).
        var uriPath = uri;
        var folder = path;
        while (true)
        {
            var cut = uriPath.LastIndexOf('/');
            var parent = PathUtil.GetDirectory(folder);
            if (cut <= "file://".Length || parent == folder || !parent.Contains('/', StringComparison.Ordinal) && !PathUtil.IsDrive(parent))
            {
                return;
            }

            var segment = Uri.UnescapeDataString(uriPath[(cut + 1)..]);
            if (!Flavor.Comparer.Equals(segment, PathUtil.GetFileName(folder)))
            {
                return;
            }

            uriPath = uriPath[..cut];
            folder = parent;
            _uriByFolder.TryAdd(folder, uriPath);
        }
    }

    /// <summary>The folders above <paramref name="path"/>, outermost first, without the bare roots `/` and `//`.</summary>
    private static IEnumerable<string> Folders(string path)
    {
        for (var i = path.IndexOf('/', 1); i > 0; i = path.IndexOf('/', i + 1))
        {
            if (path[..i].Trim('/').Length > 0)
            {
                yield return path[..i];
            }
        }
    }

    private static string EscapeSegments(string relative) =>
        string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));
}
