using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CogLsp.PackageIndex;

/// <summary>
/// Cached pages, one file per page under `&lt;cache dir&gt;/pages/`. The file name is a hash of the page URL
/// without user-info plus a fingerprint of the credentials, so different tokens never share an entry and no
/// token is stored. Writes are atomic (a temporary file in the same directory, then a rename), so the
/// server and `check` can share the directory; an entry that does not read back (corrupt, another format,
/// too large, another URL) is treated as absent and overwritten by the next write. Every IO failure makes
/// the cache behave as empty or read-only: caching is never a reason for a query to fail.
/// </summary>
internal sealed class DiskPageCache
{
    private const int TrimEveryWrites = 64;

    private readonly string _directory;
    private readonly long _maxEntryBytes;
    private readonly long _maxTotalBytes;
    private int _writes;

    public DiskPageCache(string cacheDirectory, long maxEntryBytes, long maxTotalBytes)
    {
        _directory = Path.Combine(cacheDirectory, "pages");
        _maxEntryBytes = maxEntryBytes;
        _maxTotalBytes = maxTotalBytes;
    }

    public string Directory => _directory;

    public static string Key(IndexLocation page)
    {
        var url = SHA256.HashData(Encoding.UTF8.GetBytes(page.Url.AbsoluteUri));
        return Convert.ToHexStringLower(url.AsSpan(0, 20)) + "-" + page.CredentialFingerprint();
    }

    public CacheEntry? TryRead(string key, Uri url)
    {
        try
        {
            var path = PathOf(key);
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > _maxEntryBytes)
            {
                return null;
            }

            var entry = JsonSerializer.Deserialize(File.ReadAllBytes(path), CacheJsonContext.Default.CacheEntry);
            if (entry is null || entry.Format != CacheEntry.CurrentFormat || entry.Url != url.AbsoluteUri || (entry.Found && entry.Files is null))
            {
                return null;
            }

            return entry;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    public void Write(string key, CacheEntry entry)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(entry, CacheJsonContext.Default.CacheEntry);
        if (bytes.Length > _maxEntryBytes)
        {
            Delete(key);
            return;
        }

        var path = PathOf(key);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            System.IO.Directory.CreateDirectory(_directory);
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return;
        }

        if (Interlocked.Increment(ref _writes) % TrimEveryWrites == 1)
        {
            Trim();
        }
    }

    public void Delete(string key) => TryDelete(PathOf(key));

    /// <summary>Keeps the directory under its size bound by deleting the least recently written entries.</summary>
    public void Trim()
    {
        try
        {
            var files = new DirectoryInfo(_directory).GetFiles("*.json");
            var total = files.Sum(f => f.Length);
            foreach (var file in files.OrderBy(f => f.LastWriteTimeUtc))
            {
                if (total <= _maxTotalBytes)
                {
                    break;
                }

                total -= file.Length;
                TryDelete(file.FullName);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process trims at the same time, or the directory went away: nothing to do.
        }
    }

    private string PathOf(string key) => Path.Combine(_directory, key + ".json");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort; a leftover is ignored by readers and trimmed later.
        }
    }
}
