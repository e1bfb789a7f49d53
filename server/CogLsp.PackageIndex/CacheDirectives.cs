using System.Net.Http.Headers;

namespace CogLsp.PackageIndex;

/// <summary>
/// What a response says about caching it, read with the semantics of a private (single-user) cache:
/// `no-store` forbids storing, `no-cache` stores but revalidates every time, `max-age` (less the `Age`
/// already spent upstream) gives the freshness, else `Expires` (against `Date`), else the default freshness.
/// `s-maxage` is for shared caches and ignored. Validators (ETag, Last-Modified) are kept for revalidation.
/// </summary>
internal sealed record CacheDirectives(bool NoStore, TimeSpan Freshness, string? ETag, string? LastModified)
{
    public static CacheDirectives From(HttpResponseMessage response, TimeSpan defaultFreshness)
    {
        var control = response.Headers.CacheControl;
        var etag = response.Headers.ETag?.ToString();
        var lastModified = response.Content.Headers.LastModified?.ToString("R");
        if (control?.NoStore == true)
        {
            return new CacheDirectives(NoStore: true, TimeSpan.Zero, etag, lastModified);
        }

        return new CacheDirectives(NoStore: false, ComputeFreshness(response, control, defaultFreshness), etag, lastModified);
    }

    private static TimeSpan ComputeFreshness(HttpResponseMessage response, CacheControlHeaderValue? control, TimeSpan defaultFreshness)
    {
        if (control?.NoCache == true)
        {
            return TimeSpan.Zero;
        }

        if (control?.MaxAge is { } maxAge)
        {
            var age = response.Headers.Age ?? TimeSpan.Zero;
            return maxAge > age ? maxAge - age : TimeSpan.Zero;
        }

        if (response.Content.Headers.Expires is { } expires)
        {
            var date = response.Headers.Date ?? DateTimeOffset.UtcNow;
            return expires > date ? expires - date : TimeSpan.Zero;
        }

        return defaultFreshness;
    }
}
