namespace CogLsp.PackageIndex;

/// <summary>Link handling shared by the page readers.</summary>
internal static class Links
{
    /// <summary>The absolute URL of <paramref name="href"/> on a page at <paramref name="baseUrl"/>, with the
    /// fragment (PEP 503's `#sha256=…`) removed; null when it does not resolve.</summary>
    public static string? Resolve(Uri baseUrl, string href)
    {
        if (!Uri.TryCreate(baseUrl, href.Trim(), out var resolved))
        {
            return null;
        }

        return resolved.Fragment.Length == 0 ? resolved.AbsoluteUri : resolved.AbsoluteUri[..^resolved.Fragment.Length];
    }

    /// <summary>The file name a link points at: the last path segment, percent-decoded; empty for a
    /// directory-like link (trailing slash).</summary>
    public static string FileName(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return string.Empty;
        }

        var path = uri.AbsolutePath;
        var slash = path.LastIndexOf('/');
        return Uri.UnescapeDataString(slash < 0 ? path : path[(slash + 1)..]);
    }
}
