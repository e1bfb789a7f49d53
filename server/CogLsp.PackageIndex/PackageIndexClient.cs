using System.Collections.Concurrent;
using CogLsp.Analysis.Indexes;

namespace CogLsp.PackageIndex;

/// <summary>
/// Reads index pages over HTTP with an on-disk cache in front (see <see cref="PackageIndexOptions"/>).
/// <list type="bullet">
/// <item>One load per page at a time: concurrent queries for the same page (same URL and credentials; a
/// find-links page for any project) share it. A caller's cancellation stops its wait, not the shared load.</item>
/// <item>At most <see cref="PackageIndexOptions.MaxParallelRequests"/> pages are fetched at once.</item>
/// <item>A fresh cached page answers with no request (FromCache). A stale one is revalidated with its
/// ETag/Last-Modified; when the index cannot be reached it still answers (FromCache, Stale).</item>
/// <item>200 parsed → Found; 404/410 → NotFound; anything else → Unavailable with a problem text that
/// never contains credentials. Never throws for a bad index; cancellation throws.</item>
/// <item>Local sources are read from disk, uncached: a find-links directory or HTML file
/// (<see cref="LocalFindLinks"/>) and a `file:` simple index (<see cref="LocalSimpleIndex"/>).</item>
/// </list>
/// Thread-safe. Dispose when done (it owns its HTTP connections).
/// </summary>
public sealed class PackageIndexClient : IPackageIndexClient, IDisposable
{
    private readonly PackageIndexOptions _options;
    private readonly PageFetcher _fetcher;
    private readonly DiskPageCache? _cache;
    private readonly SemaphoreSlim _parallel;
    private readonly ConcurrentDictionary<string, Lazy<Task<PageResult>>> _inFlight = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _disposed = new();

    public PackageIndexClient(PackageIndexOptions? options = null)
    {
        _options = options ?? new PackageIndexOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxParallelRequests, 1);
        _fetcher = new PageFetcher(_options);
        _parallel = new SemaphoreSlim(_options.MaxParallelRequests);
        if (_options.UseDiskCache)
        {
            CacheDirectory = _options.CacheDirectory ?? PackageIndexCache.DefaultDirectory();
            _cache = new DiskPageCache(CacheDirectory, _options.MaxResponseBytes, _options.MaxCacheBytes);
        }
    }

    /// <summary>The cache directory in use (null when the disk cache is off).</summary>
    public string? CacheDirectory { get; }

    /// <summary>The URL of a query's page without credentials: `{base}/{normalized name}/` for a simple
    /// index, the source itself for a find-links page.</summary>
    public static string PageUrl(IndexQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var url = RawPageUrl(query);
        return IndexLocation.TryCreate(url, out _) is { } location ? location.Url.AbsoluteUri : IndexUrls.Redact(url);
    }

    public async Task<IndexAnswer> GetAsync(IndexQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        PageResult result;
        if (query.Source.Kind == IndexSourceKind.FindLinks && LocalFindLinks.LocalPath(query.Source.Url) is { } path)
        {
            var (kind, page, problem) = await Task.Run(() => LocalFindLinks.Read(path), cancellationToken).ConfigureAwait(false);
            result = new PageResult(kind, page, problem, _options.TimeProvider.GetUtcNow(), FromCache: false, Stale: false);
        }
        else if (query.Source.Kind == IndexSourceKind.Simple && LocalSimpleIndex.Directory(query.Source.Url) is { } directory)
        {
            var (kind, page, problem) = await Task.Run(() => LocalSimpleIndex.Read(directory, Normalize(query.Project)), cancellationToken).ConfigureAwait(false);
            result = new PageResult(kind, page, problem, _options.TimeProvider.GetUtcNow(), FromCache: false, Stale: false);
        }
        else
        {
            var location = IndexLocation.TryCreate(RawPageUrl(query), out var problem);
            if (location is null)
            {
                result = new PageResult(IndexAnswerKind.Unavailable, null, problem, _options.TimeProvider.GetUtcNow(), false, false);
            }
            else
            {
                result = await LoadSharedAsync(location, cancellationToken).ConfigureAwait(false);
            }
        }

        var projectPage = result.Kind == IndexAnswerKind.Found && result.Page is { } parsed
            ? new ProjectPage(query.Source, query.Project, parsed.Files, parsed.Versions)
            : null;
        return new IndexAnswer(query, result.Kind, projectPage, result.Problem, result.FetchedAt, result.FromCache, result.Stale);
    }

    /// <summary>The page URL as written (credentials included, for <see cref="IndexLocation"/> to split off).</summary>
    private static string RawPageUrl(IndexQuery query) =>
        query.Source.Kind == IndexSourceKind.Simple
            ? query.Source.Url.TrimEnd('/') + "/" + Normalize(query.Project) + "/"
            : query.Source.Url;

    private Task<PageResult> LoadSharedAsync(IndexLocation page, CancellationToken cancellationToken)
    {
        var key = DiskPageCache.Key(page);
        var load = _inFlight.GetOrAdd(key, k => new Lazy<Task<PageResult>>(() => LoadAndForgetAsync(k, page)));
        return load.Value.WaitAsync(cancellationToken);
    }

    private async Task<PageResult> LoadAndForgetAsync(string key, IndexLocation page)
    {
        try
        {
            // Off the caller's stack: the first caller must not run the load synchronously under the lock
            // of Lazy, and a caller that cancels must not cancel it for the others.
            await Task.Yield();
            return await LoadAsync(key, page).ConfigureAwait(false);
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private async Task<PageResult> LoadAsync(string key, IndexLocation page)
    {
        var cached = _cache?.TryRead(key, page.Url);
        if (cached is not null && _options.TimeProvider.GetUtcNow() < cached.FreshUntil)
        {
            return FromEntry(cached, problem: null, stale: false);
        }

        FetchResult fetched;
        await _parallel.WaitAsync(_disposed.Token).ConfigureAwait(false);
        try
        {
            fetched = await _fetcher.FetchAsync(
                page,
                cached?.ETag,
                cached?.LastModified,
                _disposed.Token).ConfigureAwait(false);
        }
        finally
        {
            _parallel.Release();
        }

        var now = _options.TimeProvider.GetUtcNow();
        switch (fetched.Status)
        {
            case FetchStatus.NotModified when cached is not null:
                var renewed = cached with { FetchedAt = now, FreshUntil = now + fetched.Cache!.Freshness };
                Store(key, renewed, fetched.Cache);
                return FromEntry(renewed, problem: null, stale: false) with { FromCache = false };

            case FetchStatus.NotModified:
                // We sent no validators, so a 304 is the index's mistake.
                return Unavailable(cached, $"{page.Url}: unexpected 304 Not Modified");

            case FetchStatus.NotFound:
                Store(key, new CacheEntry(CacheEntry.CurrentFormat, page.Url.AbsoluteUri, false, now, now + fetched.Cache!.Freshness, null, null, null, null), fetched.Cache);
                return new PageResult(IndexAnswerKind.NotFound, null, null, now, FromCache: false, Stale: false);

            case FetchStatus.Ok:
                var parsed = PageReader.Read(fetched.Body!, fetched.MediaType, fetched.Charset, fetched.FinalUrl!, out var problem);
                if (parsed is null)
                {
                    return Unavailable(cached, $"{fetched.FinalUrl}: {problem}");
                }

                var cache = fetched.Cache!;
                Store(key, new CacheEntry(CacheEntry.CurrentFormat, page.Url.AbsoluteUri, true, now, now + cache.Freshness, cache.ETag, cache.LastModified, parsed.Files, parsed.Versions), cache);
                return new PageResult(IndexAnswerKind.Found, parsed, null, now, FromCache: false, Stale: false);

            default:
                return Unavailable(cached, fetched.Problem ?? $"{page.Url}: unavailable");
        }
    }

    /// <summary>An index that proves nothing now: the cached page (however old) if there is one, marked stale.</summary>
    private PageResult Unavailable(CacheEntry? cached, string problem) =>
        cached is not null
            ? FromEntry(cached, problem, stale: true)
            : new PageResult(IndexAnswerKind.Unavailable, null, problem, _options.TimeProvider.GetUtcNow(), FromCache: false, Stale: false);

    private static PageResult FromEntry(CacheEntry entry, string? problem, bool stale) =>
        new(
            entry.Found ? IndexAnswerKind.Found : IndexAnswerKind.NotFound,
            entry.Found ? new ParsedPage(entry.Files!, entry.Versions) : null,
            problem,
            entry.FetchedAt,
            FromCache: true,
            Stale: stale);

    private void Store(string key, CacheEntry entry, CacheDirectives directives)
    {
        if (_cache is null)
        {
            return;
        }

        if (directives.NoStore)
        {
            _cache.Delete(key);
            return;
        }

        _cache.Write(key, entry);
    }

    /// <summary>PEP 503 normalisation (runs of `-`, `_`, `.` become `-`, lower case), so callers that pass
    /// a name as written still reach the project's page.</summary>
    private static string Normalize(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        var separator = false;
        foreach (var c in name.Trim())
        {
            if (c is '-' or '_' or '.')
            {
                separator = true;
                continue;
            }

            if (separator && builder.Length > 0)
            {
                builder.Append('-');
            }

            separator = false;
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _fetcher.Dispose();
        _parallel.Dispose();
        _disposed.Dispose();
    }
}
