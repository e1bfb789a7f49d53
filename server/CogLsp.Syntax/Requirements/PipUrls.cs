using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace CogLsp.Syntax.Requirements;

/// <summary>
/// pip's rules for telling URLs and paths apart and for what it reads out of them: URL schemes
/// (including the VCS ones), archive extensions, wheel file names and `#egg=` fragments.
/// </summary>
public static partial class PipUrls
{
    public static ImmutableArray<string> VcsSchemes { get; } =
    [
        "git+http", "git+https", "git+ssh", "git+git", "git+file",
        "hg+file", "hg+http", "hg+https", "hg+ssh", "hg+static-http",
        "svn+ssh", "svn+http", "svn+https", "svn+svn", "svn+file",
        "bzr+http", "bzr+https", "bzr+ssh", "bzr+sftp", "bzr+ftp", "bzr+lp", "bzr+file",
    ];

    /// <summary>Extensions pip treats as installable archives.</summary>
    public static ImmutableArray<string> ArchiveExtensions { get; } =
        [".zip", ".whl", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma", ".tar.gz", ".tgz", ".tar"];

    /// <summary>The text before the first ':' in lower case, or null when there is no ':'.</summary>
    public static string? GetScheme(string text)
    {
        var colon = text.IndexOf(':');
        return colon < 0 ? null : text[..colon].ToLowerInvariant();
    }

    /// <summary>pip's is_url: the scheme is http, https, file, ftp or a VCS scheme.</summary>
    public static bool IsUrl(string text) => GetScheme(text) is { } s && (s is "http" or "https" or "file" or "ftp" || VcsSchemes.Contains(s));

    public static bool IsVcsUrl(string text) => GetScheme(text) is { } s && VcsSchemes.Contains(s);

    /// <summary>pip's "looks like a path": has a path separator or starts with '.'.</summary>
    public static bool LooksLikePath(string text) => text.Contains('/') || text.StartsWith('.');

    public static bool HasArchiveExtension(string path)
    {
        foreach (var e in ArchiveExtensions)
        {
            if (path.Length > e.Length && path.EndsWith(e, StringComparison.OrdinalIgnoreCase) && path[^(e.Length + 1)] != '/')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The last path segment of a URL or path (query and fragment removed, percent-escapes decoded).</summary>
    public static string FileName(string urlOrPath)
    {
        var text = urlOrPath;
        var cut = text.IndexOfAny(['#', '?']);
        if (cut >= 0 && IsUrl(text))
        {
            text = text[..cut];
        }

        text = text.TrimEnd('/');
        var slash = text.LastIndexOf('/');
        var name = slash >= 0 ? text[(slash + 1)..] : text;
        try
        {
            return Uri.UnescapeDataString(name);
        }
        catch (UriFormatException)
        {
            return name;
        }
    }

    /// <summary>The project name and version a wheel file name declares, or null when the name is not a wheel name.</summary>
    public static (string Name, string Version)? ParseWheelFileName(string fileName)
    {
        var m = WheelPattern().Match(fileName);
        return m.Success ? (m.Groups["name"].Value.Replace('_', '-'), m.Groups["ver"].Value.Replace('_', '-')) : null;
    }

    /// <summary>The value of `#egg=` (or `&amp;egg=`), or null when there is none.</summary>
    public static string? EggFragment(string url)
    {
        var m = EggPattern().Match(url);
        return m.Success ? m.Groups[1].Value : null;
    }

    /// <summary>
    /// Why pip rejects the URL of `name @ url`, or null: a file URL must be in the canonical
    /// `file://host/path` form, any other URL needs a scheme and a host.
    /// </summary>
    public static string? DirectReferenceProblem(string url)
    {
        var m = SchemePattern().Match(url);
        if (!m.Success)
        {
            return $"'{url}' is not a URL (a scheme like https:// is missing); for a local file write its path on a line of its own";
        }

        var scheme = m.Groups[1].Value;
        var rest = url[m.Length..];
        if (scheme.Equals("file", StringComparison.OrdinalIgnoreCase))
        {
            if (!(scheme == "file" && rest.StartsWith("//", StringComparison.Ordinal) && !url.EndsWith('?') && !url.EndsWith('#')))
            {
                return $"'{url}' is not a well-formed file URL; write file:///absolute/path";
            }

            var fileHostEnd = rest.IndexOfAny(['/', '?', '#'], 2);
            var fileHost = fileHostEnd < 0 ? rest[2..] : rest[2..fileHostEnd];
            return fileHost.Length == 0 || fileHost.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? null
                : $"pip only installs file: URLs on this machine, not from host '{fileHost}'; write file:///absolute/path";
        }

        if (!rest.StartsWith("//", StringComparison.Ordinal))
        {
            return $"'{url}' has no host; write {scheme}://host/path";
        }

        var hostEnd = rest.IndexOfAny(['/', '?', '#'], 2);
        var host = hostEnd < 0 ? rest[2..] : rest[2..hostEnd];
        return host.Length == 0 ? $"'{url}' has no host; write {scheme}://host/path" : null;
    }

    [GeneratedRegex(@"^(?<namever>(?<name>[^\s-]+?)-(?<ver>[^\s-]*?))((-(?<build>\d[^-]*?))?-(?<pyver>[^\s-]+?)-(?<abi>[^\s-]+?)-(?<plat>[^\s-]+?)\.whl|\.dist-info)$")]
    private static partial Regex WheelPattern();

    [GeneratedRegex(@"[#&]egg=([^&]*)")]
    private static partial Regex EggPattern();

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+\-.]*):")]
    private static partial Regex SchemePattern();
}
