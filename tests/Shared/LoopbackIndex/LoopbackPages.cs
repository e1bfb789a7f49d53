using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace CogLsp.Tests.Shared.LoopbackIndex;

/// <summary>Renders the loopback index's pages: PEP 691 JSON (with PEP 700 fields), PEP 503 HTML
/// (`data-requires-python` entity-encoded, `data-yanked`, `#sha256=` fragments) and find-links flat pages.
/// File links are relative (`../../files/…`) on project pages so the client must resolve them against the
/// page URL, absolute on flat pages.</summary>
public static class LoopbackPages
{
    public static byte[] Json(string project, IReadOnlyList<LoopbackFile> files, IReadOnlyList<string>? versions)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartObject("meta");
            json.WriteString("api-version", versions is null ? "1.0" : "1.1");
            json.WriteEndObject();
            json.WriteString("name", project);
            if (versions is not null)
            {
                json.WriteStartArray("versions");
                foreach (var version in versions)
                {
                    json.WriteStringValue(version);
                }

                json.WriteEndArray();
            }

            json.WriteStartArray("files");
            foreach (var file in files)
            {
                json.WriteStartObject();
                json.WriteString("filename", file.FileName);
                json.WriteString("url", "../../files/" + Uri.EscapeDataString(file.FileName));
                json.WriteStartObject("hashes");
                json.WriteString("sha256", Sha256(file));
                json.WriteEndObject();
                if (file.RequiresPython is not null)
                {
                    json.WriteString("requires-python", file.RequiresPython);
                }

                if (file.YankedReason is { Length: > 0 } reason)
                {
                    json.WriteString("yanked", reason);
                }
                else
                {
                    json.WriteBoolean("yanked", file.Yanked);
                }

                if (file.UploadTime is { } uploaded)
                {
                    json.WriteString("upload-time", uploaded.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
                }

                json.WriteNumber("size", file.Size);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static byte[] Html(string title, IReadOnlyList<LoopbackFile> files, string linkPrefix)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html><head><meta name=\"pypi:repository-version\" content=\"1.0\"><title>Links for ")
            .Append(WebUtility.HtmlEncode(title)).Append("</title></head><body><h1>Links for ")
            .Append(WebUtility.HtmlEncode(title)).Append("</h1>\n");
        foreach (var file in files)
        {
            html.Append("<a href=\"").Append(WebUtility.HtmlEncode(linkPrefix + Uri.EscapeDataString(file.FileName) + "#sha256=" + Sha256(file))).Append('"');
            if (file.RequiresPython is not null)
            {
                html.Append(" data-requires-python=\"").Append(WebUtility.HtmlEncode(file.RequiresPython)).Append('"');
            }

            if (file.YankedReason is not null)
            {
                html.Append(" data-yanked=\"").Append(WebUtility.HtmlEncode(file.YankedReason)).Append('"');
            }

            html.Append('>').Append(WebUtility.HtmlEncode(file.FileName)).Append("</a><br/>\n");
        }

        html.Append("</body></html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }

    /// <summary>The served bytes of a file (filler of its size) and their hash.</summary>
    public static byte[] Content(LoopbackFile file) => Encoding.ASCII.GetBytes(new string('x', (int)Math.Min(file.Size, 1 << 20)));

    public static string Sha256(LoopbackFile file) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Content(file)));
}
