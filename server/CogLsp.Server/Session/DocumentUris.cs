using CogLsp.Analysis.Workspace;

namespace CogLsp.Server.Session;

/// <summary>
/// Converts between LSP document URIs and the absolute paths Analysis works with. The URI a client
/// used for a path is remembered and echoed back unchanged, because clients compare URIs as strings.
/// </summary>
public sealed class DocumentUris
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _uriByPath = new(StringComparer.Ordinal);

    /// <summary>The path of a file: URI, or null for other schemes (untitled:, vscode-notebook-cell:…).</summary>
    public string? ToPath(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
        {
            return null;
        }

        var path = PathUtil.Normalize(parsed.LocalPath);
        _uriByPath.TryAdd(path, uri);
        return path;
    }

    public string ToUri(string path) => _uriByPath.TryGetValue(path, out var uri) ? uri : new Uri(path).AbsoluteUri;
}
