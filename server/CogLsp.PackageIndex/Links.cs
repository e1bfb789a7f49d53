using System.Text.RegularExpressions;

namespace CogLsp.PackageIndex;

/// <summary>Link handling shared by the page readers.</summary>
internal static partial class Links
{
    /// <summary>
    /// The digest a link carries in its URL (PEP 503's `#sha256=…`), as pip's LinkHash reads it: the first
    /// `#NAME=` or `&amp;NAME=` anywhere in the resolved URL, for the algorithms pip knows; null when there is none.
    /// </summary>
    public static KeyValuePair<string, string>? FragmentHash(Uri baseUrl, string href)
    {
        if (!Uri.TryCreate(baseUrl, href.Trim(), out var resolved))
        {
            return null;
        }

        var match = HashInUrl().Match(resolved.AbsoluteUri);
        return match.Success ? new(match.Groups[1].Value, match.Groups[2].Value) : null;
    }

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

    /// <summary>A local path as a `file:` URL to resolve links against. (A Uri made from a path directly keeps
    /// '#' as part of the path, so `x.whl#sha256=…` would name a file called that.)</summary>
    public static Uri FileUrl(string path) => new(new Uri(path).AbsoluteUri);

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

    [GeneratedRegex("[#&](sha512|sha384|sha256|sha224|sha1|md5)=([^&]*)")]
    private static partial Regex HashInUrl();
}
