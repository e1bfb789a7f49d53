using System.Globalization;
using System.Text.Json;
using CogLsp.Analysis.Indexes;

namespace CogLsp.PackageIndex;

/// <summary>
/// Reads a PEP 691 JSON project page: `meta.api-version` (major 1), `files` (filename, url,
/// requires-python, yanked as bool or reason, hashes, PEP 700 upload-time and size) and PEP 700 `versions`.
/// A body that is not such a document is a problem, never an exception; a single file entry without a
/// filename or url is skipped, as pip skips links it cannot use.
/// </summary>
internal static class JsonPageParser
{
    public static ParsedPage? Parse(byte[] body, Uri pageUrl, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "the JSON page is not an object";
                return null;
            }

            if (root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("api-version", out var api) && api.ValueKind == JsonValueKind.String
                && !(api.GetString() ?? string.Empty).StartsWith("1.", StringComparison.Ordinal))
            {
                problem = $"unsupported simple API version {api.GetString()}";
                return null;
            }

            if (!root.TryGetProperty("files", out var filesElement) || filesElement.ValueKind != JsonValueKind.Array)
            {
                problem = "the JSON page has no \"files\" list";
                return null;
            }

            var files = new List<IndexFile>(filesElement.GetArrayLength());
            foreach (var entry in filesElement.EnumerateArray())
            {
                if (ReadFile(entry, pageUrl) is { } file)
                {
                    files.Add(file);
                }
            }

            return new ParsedPage(files, ReadVersions(root));
        }
        catch (JsonException)
        {
            problem = "the page is not valid JSON";
            return null;
        }
    }

    private static IndexFile? ReadFile(JsonElement entry, Uri pageUrl)
    {
        if (entry.ValueKind != JsonValueKind.Object
            || String(entry, "filename") is not { Length: > 0 } fileName
            || String(entry, "url") is not { Length: > 0 } href
            || Links.Resolve(pageUrl, href) is not { } url)
        {
            return null;
        }

        var (yanked, reason) = entry.TryGetProperty("yanked", out var y)
            ? y.ValueKind switch
            {
                JsonValueKind.True => (true, string.Empty),
                JsonValueKind.String => (true, y.GetString()),
                _ => (false, null),
            }
            : (false, (string?)null);

        DateTimeOffset? uploaded = null;
        if (String(entry, "upload-time") is { } time
            && DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            uploaded = parsed;
        }

        long? size = entry.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) ? n : null;
        return new IndexFile(fileName, url, String(entry, "requires-python"), yanked, reason, uploaded, size) { Hashes = ReadHashes(entry, pageUrl, href) };
    }

    /// <summary>pip's Link.from_json: the "hashes" object (string values), then a digest in the URL, which wins for its algorithm.</summary>
    private static Dictionary<string, string>? ReadHashes(JsonElement entry, Uri pageUrl, string href)
    {
        Dictionary<string, string>? hashes = null;
        if (entry.TryGetProperty("hashes", out var listed) && listed.ValueKind == JsonValueKind.Object)
        {
            foreach (var hash in listed.EnumerateObject())
            {
                if (hash.Value.ValueKind == JsonValueKind.String && hash.Value.GetString() is { Length: > 0 } digest)
                {
                    (hashes ??= new(StringComparer.Ordinal))[hash.Name] = digest;
                }
            }
        }

        if (Links.FragmentHash(pageUrl, href) is { } fragment)
        {
            (hashes ??= new(StringComparer.Ordinal))[fragment.Key] = fragment.Value;
        }

        return hashes;
    }

    private static List<string>? ReadVersions(JsonElement root)
    {
        if (!root.TryGetProperty("versions", out var versions) || versions.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var list = new List<string>(versions.GetArrayLength());
        foreach (var version in versions.EnumerateArray())
        {
            if (version.ValueKind == JsonValueKind.String && version.GetString() is { Length: > 0 } text)
            {
                list.Add(text);
            }
        }

        return list;
    }

    private static string? String(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
