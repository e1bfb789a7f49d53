using CogLsp.Analysis.Indexes;

namespace CogLsp.PackageIndex;

/// <summary>
/// A `--find-links` that names a local directory (every file in it is a candidate, as pip lists it) or a
/// local HTML file (read like a flat page). Paths must be absolute (the caller resolves them against the
/// requirements file); `file:` URLs are accepted too.
/// </summary>
internal static class LocalFindLinks
{
    /// <summary>The local path a find-links source names, or null when it is an http(s) URL.</summary>
    public static string? LocalPath(string source)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var uri))
        {
            if (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            {
                return null;
            }

            if (uri.IsFile)
            {
                return uri.LocalPath;
            }
        }

        return source;
    }

    public static (IndexAnswerKind Kind, ParsedPage? Page, string? Problem) Read(string path)
    {
        if (!Path.IsPathRooted(path))
        {
            return (IndexAnswerKind.Unavailable, null, $"{path}: a relative find-links path (expected an absolute path)");
        }

        try
        {
            if (Directory.Exists(path))
            {
                var files = new List<IndexFile>();
                foreach (var file in new DirectoryInfo(path).EnumerateFiles())
                {
                    files.Add(new IndexFile(file.Name, new Uri(file.FullName).AbsoluteUri, null, false, null, file.LastWriteTimeUtc, file.Length));
                }

                files.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
                return (IndexAnswerKind.Found, new ParsedPage(files, null), null);
            }

            if (File.Exists(path))
            {
                var html = File.ReadAllText(path);
                return (IndexAnswerKind.Found, HtmlPageParser.Parse(html, Links.FileUrl(path)), null);
            }

            return (IndexAnswerKind.NotFound, null, $"{path}: no such directory or file");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (IndexAnswerKind.Unavailable, null, $"{path}: could not be read ({e.GetType().Name})");
        }
    }
}
