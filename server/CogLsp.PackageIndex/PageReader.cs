using System.Text;

namespace CogLsp.PackageIndex;

/// <summary>Chooses the parser by the media type the index answered with, as pip does: PEP 691 JSON,
/// else PEP 503 HTML (`text/html` or the PEP 691 HTML type); any other type is a problem.</summary>
internal static class PageReader
{
    public static ParsedPage? Read(byte[] body, string? mediaType, string? charset, Uri pageUrl, out string? problem)
    {
        problem = null;
        switch (mediaType?.ToLowerInvariant())
        {
            case "application/vnd.pypi.simple.v1+json" or "application/vnd.pypi.simple.latest+json":
                return JsonPageParser.Parse(body, pageUrl, out problem);
            case "text/html" or "application/vnd.pypi.simple.v1+html" or "application/vnd.pypi.simple.latest+html":
                return HtmlPageParser.Parse(Decode(body, charset), pageUrl);
            default:
                problem = $"unexpected content type {(string.IsNullOrEmpty(mediaType) ? "(none)" : mediaType)}";
                return null;
        }
    }

    private static string Decode(byte[] body, string? charset)
    {
        var encoding = Encoding.UTF8;
        if (!string.IsNullOrWhiteSpace(charset))
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"', ' '));
            }
            catch (ArgumentException)
            {
                // An unknown charset: UTF-8 is what indexes use in practice.
            }
        }

        return encoding.GetString(body);
    }
}
