namespace CogLsp.PackageIndex;

internal enum FetchStatus
{
    /// <summary>200: <see cref="FetchResult.Body"/> holds the page.</summary>
    Ok,

    /// <summary>304: the cached page is still current.</summary>
    NotModified,

    /// <summary>404 or 410.</summary>
    NotFound,

    /// <summary>Anything that proves nothing; <see cref="FetchResult.Problem"/> says what.</summary>
    Failed,
}

/// <summary>
/// What one page fetch ended with. <see cref="FinalUrl"/> is the page's URL after redirects (without
/// user-info), against which relative links resolve. <see cref="Problem"/> never contains credentials.
/// </summary>
internal sealed record FetchResult(
    FetchStatus Status,
    byte[]? Body,
    string? MediaType,
    string? Charset,
    Uri? FinalUrl,
    CacheDirectives? Cache,
    string? Problem)
{
    public static FetchResult Fail(string problem) => new(FetchStatus.Failed, null, null, null, null, null, problem);
}
