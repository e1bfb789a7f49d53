using CogLsp.Analysis.Indexes;

namespace CogLsp.PackageIndex;

/// <summary>
/// A `--index-url file:///dir/simple` (a PEP 503 tree on disk), read as pip reads it: the project page is the
/// directory `dir/simple/{normalized name}/`, and for a directory pip reads its `index.html`. A missing page is
/// "not found" (pip's local file adapter answers 404), never an error. File links resolve against the page.
/// </summary>
internal static class LocalSimpleIndex
{
    /// <summary>The directory a `file:` index URL names, or null when the source is not a `file:` URL.</summary>
    public static string? Directory(string indexUrl) =>
        Uri.TryCreate(indexUrl, UriKind.Absolute, out var uri) && uri.IsFile ? uri.LocalPath : null;

    public static (IndexAnswerKind Kind, ParsedPage? Page, string? Problem) Read(string directory, string normalizedProject)
    {
        var page = Path.Combine(directory, normalizedProject, "index.html");
        try
        {
            if (!File.Exists(page))
            {
                return (IndexAnswerKind.NotFound, null, null);
            }

            return (IndexAnswerKind.Found, HtmlPageParser.Parse(File.ReadAllText(page), Links.FileUrl(page)), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (IndexAnswerKind.Unavailable, null, $"{page}: could not be read ({e.GetType().Name})");
        }
    }
}
