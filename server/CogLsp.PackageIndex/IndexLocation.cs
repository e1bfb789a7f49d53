using System.Security.Cryptography;
using System.Text;
using CogLsp.Analysis.Indexes;

namespace CogLsp.PackageIndex;

/// <summary>
/// A page URL split into the URL without user-info (<see cref="Url"/>: safe to show, log and key) and the
/// credentials the user wrote in it. Invariant: <see cref="Url"/> never carries user-info; the credentials
/// only leave this type as an Authorization header value or as a one-way hash.
/// </summary>
internal sealed class IndexLocation
{
    private readonly string? _user;
    private readonly string? _password;

    private IndexLocation(Uri url, string? user, string? password)
    {
        Url = url;
        _user = user;
        _password = password;
    }

    public Uri Url { get; }

    public bool HasCredentials => _user is not null;

    /// <summary>Parses an absolute http(s) URL; null (and a problem without credentials) otherwise.</summary>
    public static IndexLocation? TryCreate(string url, out string? problem)
    {
        problem = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problem = $"{IndexUrls.Redact(url)} is not an http(s) URL";
            return null;
        }

        string? user = null;
        string? password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? string.Empty : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        return new IndexLocation(WithoutUserInfo(uri), user, password);
    }

    /// <summary>The same credentials for another URL of the same source (the project page under a base).</summary>
    public IndexLocation WithUrl(Uri url) => new(WithoutUserInfo(url), _user, _password);

    /// <summary>The Basic Authorization value, only for a URL of the same origin (scheme, host, port) as
    /// this location: credentials never follow a redirect to another origin.</summary>
    public string? AuthorizationFor(Uri target)
    {
        if (_user is null || !SameOrigin(Url, target))
        {
            return null;
        }

        return Convert.ToBase64String(Encoding.UTF8.GetBytes(_user + ":" + _password));
    }

    /// <summary>A short one-way fingerprint of the credentials ("anonymous" without any), so that answers
    /// fetched with different tokens never share a cache entry while the token itself is never stored.</summary>
    public string CredentialFingerprint()
    {
        if (_user is null)
        {
            return "anonymous";
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("cog-lsp credentials\0" + _user + "\0" + _password));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }

    public static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;

    public static Uri WithoutUserInfo(Uri uri) =>
        uri.UserInfo.Length == 0 ? uri : new UriBuilder(uri) { UserName = string.Empty, Password = string.Empty }.Uri;
}
