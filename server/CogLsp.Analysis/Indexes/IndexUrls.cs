namespace CogLsp.Analysis.Indexes;

/// <summary>URL helpers shared by everything that shows or keys index URLs.</summary>
public static class IndexUrls
{
    /// <summary>True for an absolute http or https URL: what the index settings and `--index-url` options accept.</summary>
    public static bool IsHttp(string text) => Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>The URL with the password of its user-info replaced by `***` (a bare token becomes `***`).
    /// Never throws: text that is not an absolute URL is returned unchanged.</summary>
    public static string Redact(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return url;
        }

        var authorityStart = scheme + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var at = url.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        if (at < 0)
        {
            return url;
        }

        var userInfo = url[authorityStart..at];
        var colon = userInfo.IndexOf(':');
        var shown = colon < 0 ? "***" : userInfo[..colon] + ":***";
        return url[..authorityStart] + shown + url[at..];
    }
}
