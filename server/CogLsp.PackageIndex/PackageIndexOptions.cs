using System.Reflection;

namespace CogLsp.PackageIndex;

/// <summary>
/// How <see cref="PackageIndexClient"/> talks to indexes and keeps their pages. Every member has a default
/// that suits the language server and `check --online`; which indexes to read is not part of this (the
/// queries carry their sources).
/// </summary>
public sealed class PackageIndexOptions
{
    /// <summary>Where pages are cached. Null: <see cref="PackageIndexCache.DefaultDirectory"/>
    /// ($COG_LSP_CACHE_DIR, else the platform's cache folder).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>False: no disk cache at all (every query asks the index).</summary>
    public bool UseDiskCache { get; init; } = true;

    /// <summary>Time to establish a connection (TCP and TLS) before the attempt fails.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Time for the whole fetch of one page: redirects, retries and reading the body.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Largest (decompressed) page accepted; a larger one is answered as unavailable.</summary>
    public long MaxResponseBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Pages fetched at the same time, over all indexes.</summary>
    public int MaxParallelRequests { get; init; } = 8;

    /// <summary>Redirects followed for one page before giving up.</summary>
    public int MaxRedirects { get; init; } = 10;

    /// <summary>Extra attempts after a transient failure (5xx, a connection that failed).</summary>
    public int MaxRetries { get; init; } = 2;

    /// <summary>Pause before the first retry; each further retry waits twice as long.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a page stays fresh when the index sends no Cache-Control max-age or Expires.</summary>
    public TimeSpan DefaultFreshness { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Size the cache directory is trimmed to (oldest entries first).</summary>
    public long MaxCacheBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>The User-Agent header sent with every request.</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>The clock cache freshness is judged by (tests move it; timeouts and retry pauses always use
    /// real time).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>`cog-lsp/&lt;version&gt;`, the version being the informational version of the running
    /// program when it is cog-lsp, else of this library.</summary>
    public static string DefaultUserAgent { get; } = "cog-lsp/" + ProductVersion();

    private static string ProductVersion()
    {
        var entry = Assembly.GetEntryAssembly();
        var assembly = entry?.GetName().Name == "cog-lsp" ? entry : typeof(PackageIndexOptions).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";

        // A build metadata suffix (`+commit`) says nothing to an index operator.
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version[..plus];
    }
}
