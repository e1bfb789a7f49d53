using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CogLsp.Analysis.Indexes;

namespace CogLsp.PackageIndex;

/// <summary>
/// Reads a PEP 503 HTML page (a simple project page or a find-links flat page): every anchor with an href,
/// resolved against the page's URL after redirects (or its `&lt;base href&gt;`), fragment removed; the file
/// name is the URL's last segment as pip takes it; `data-requires-python` (entity-decoded by the parser)
/// and `data-yanked` (present means yanked, its value is the reason, PEP 592); a `#sha256=…` (or another
/// algorithm pip knows) in the href is the file's digest. HTML has no malformed
/// state: whatever the body is, the anchors found are the answer.
/// </summary>
internal static class HtmlPageParser
{
    public static ParsedPage Parse(string html, Uri pageUrl)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        var baseUrl = pageUrl;
        if (document.QuerySelector("base[href]")?.GetAttribute("href") is { } baseHref && Uri.TryCreate(pageUrl, baseHref, out var declared))
        {
            baseUrl = declared;
        }

        var files = new List<IndexFile>();
        foreach (var anchor in document.QuerySelectorAll("a[href]").OfType<IHtmlAnchorElement>())
        {
            if (Links.Resolve(baseUrl, anchor.GetAttribute("href")!) is not { } url || Links.FileName(url) is not { Length: > 0 } fileName)
            {
                continue;
            }

            var requiresPython = anchor.GetAttribute("data-requires-python");
            var yankedReason = anchor.GetAttribute("data-yanked");
            var hash = Links.FragmentHash(baseUrl, anchor.GetAttribute("href")!);
            files.Add(new IndexFile(
                fileName,
                url,
                string.IsNullOrWhiteSpace(requiresPython) ? null : requiresPython,
                yankedReason is not null,
                yankedReason,
                UploadTime: null,
                Size: null)
            {
                Hashes = hash is { } h ? new Dictionary<string, string>(StringComparer.Ordinal) { [h.Key] = h.Value } : null,
            });
        }

        return new ParsedPage(files, Versions: null);
    }
}
