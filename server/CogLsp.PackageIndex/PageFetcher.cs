using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;

namespace CogLsp.PackageIndex;

/// <summary>
/// Fetches one index page over HTTP with the policy the issue sets: redirects followed here (so credentials
/// go to the original origin only), a total timeout over redirects, retries and body, a bounded number of
/// retries on transient failures, and a cap on the decompressed size. Never throws for a bad index: every
/// failure is a <see cref="FetchResult"/> whose problem text is built from credential-free parts only.
/// </summary>
internal sealed class PageFetcher : IDisposable
{
    /// <summary>PEP 691's negotiation: JSON preferred, HTML accepted (the PyTorch index serves only HTML).</summary>
    public const string Accept = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01";

    private readonly HttpClient _http;
    private readonly PackageIndexOptions _options;

    public PageFetcher(PackageIndexOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            ConnectTimeout = options.ConnectTimeout,
            UseCookies = false,
            UseProxy = true,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),

            // Credentials are added per request by us, never by the handler (it would resend them after
            // a redirect it followed).
            Credentials = null,
            PreAuthenticate = false,
        };
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
    }

    public async Task<FetchResult> FetchAsync(IndexLocation page, string? ifNoneMatch, string? ifModifiedSince, CancellationToken cancellationToken)
    {
        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        total.CancelAfter(_options.TotalTimeout);
        var shown = page.Url.ToString();
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var result = await FetchOnceAsync(page, ifNoneMatch, ifModifiedSince, total.Token).ConfigureAwait(false);
                if (!result.Transient || attempt >= _options.MaxRetries)
                {
                    return result.Result;
                }

                var delay = _options.RetryDelay * Math.Pow(2, attempt);
                await Task.Delay(delay, total.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return FetchResult.Fail($"{shown}: no answer within {Seconds(_options.TotalTimeout)}");
        }
    }

    private async Task<(FetchResult Result, bool Transient)> FetchOnceAsync(IndexLocation page, string? ifNoneMatch, string? ifModifiedSince, CancellationToken cancellationToken)
    {
        var url = page.Url;
        for (var redirects = 0; ; redirects++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept", Accept);
            if (page.AuthorizationFor(url) is { } authorization)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", authorization);
            }

            if (ifNoneMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            }

            if (ifModifiedSince is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Modified-Since", ifModifiedSince);
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                return (FetchResult.Fail($"{url}: {Describe(e)}"), e.HttpRequestError == HttpRequestError.ConnectionError);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The handler's connect timeout (the total timeout cancels the token instead).
                return (FetchResult.Fail($"{url}: no connection within {Seconds(_options.ConnectTimeout)}"), true);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is 301 or 302 or 303 or 307 or 308)
                {
                    var location = response.Headers.Location;
                    if (location is null)
                    {
                        return (FetchResult.Fail($"{url}: redirect ({status}) without a Location"), false);
                    }

                    if (redirects >= _options.MaxRedirects)
                    {
                        return (FetchResult.Fail($"{page.Url}: more than {_options.MaxRedirects} redirects"), false);
                    }

                    var next = location.IsAbsoluteUri ? location : new Uri(url, location);
                    if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
                    {
                        return (FetchResult.Fail($"{url}: redirect to a non-http URL"), false);
                    }

                    url = IndexLocation.WithoutUserInfo(next);
                    continue;
                }

                try
                {
                    return (await ReadAsync(url, response, cancellationToken).ConfigureAwait(false), status is 500 or 502 or 503 or 504);
                }
                catch (Exception e) when (e is HttpRequestException or IOException or InvalidDataException)
                {
                    // A broken connection or a corrupt compressed stream while reading the body.
                    return (FetchResult.Fail($"{url}: the answer could not be read ({e.GetType().Name})"), false);
                }
            }
        }
    }

    private async Task<FetchResult> ReadAsync(Uri url, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        switch (status)
        {
            case 304:
                return new FetchResult(FetchStatus.NotModified, null, null, null, url, CacheDirectives.From(response, _options.DefaultFreshness), null);
            case 404 or 410:
                return new FetchResult(FetchStatus.NotFound, null, null, null, url, CacheDirectives.From(response, _options.DefaultFreshness), null);
            case 401:
                return FetchResult.Fail($"{url}: the index asks for credentials (401 Unauthorized)");
            case 403:
                return FetchResult.Fail($"{url}: the index refused access (403 Forbidden)");
            case not 200:
                return FetchResult.Fail($"{url}: the index answered {status} {response.ReasonPhrase}".TrimEnd());
        }

        var max = _options.MaxResponseBytes;
        if (response.Content.Headers.ContentLength is { } length && length > max && response.Content.Headers.ContentEncoding.Count == 0)
        {
            return FetchResult.Fail($"{url}: the page is too large ({length:N0} bytes; at most {max:N0} are read)");
        }

        using var body = new MemoryStream();
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > max)
                {
                    return FetchResult.Fail($"{url}: the page is too large (more than {max:N0} bytes)");
                }

                body.Write(buffer, 0, read);
            }
        }

        var contentType = response.Content.Headers.ContentType;
        return new FetchResult(
            FetchStatus.Ok,
            body.ToArray(),
            contentType?.MediaType,
            contentType?.CharSet,
            url,
            CacheDirectives.From(response, _options.DefaultFreshness),
            null);
    }

    /// <summary>Says what failed from the error's kind and the socket error, not from the exception's
    /// message (which we do not control and which could quote a URL).</summary>
    private static string Describe(HttpRequestException e)
    {
        var socket = FindInner<SocketException>(e);
        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "the host name could not be resolved",
            HttpRequestError.ConnectionError when socket is not null => $"could not connect ({socket.SocketErrorCode})",
            HttpRequestError.ConnectionError => "could not connect",
            HttpRequestError.SecureConnectionError when FindInner<AuthenticationException>(e) is not null => "the TLS connection failed (certificate not trusted or handshake refused)",
            HttpRequestError.SecureConnectionError => "the TLS connection failed",
            HttpRequestError.ResponseEnded => "the connection closed before the answer ended",
            HttpRequestError.InvalidResponse => "the answer is not valid HTTP",
            _ => $"the request failed ({e.HttpRequestError})",
        };
    }

    private static T? FindInner<T>(Exception e)
        where T : Exception
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.#} s";

    public void Dispose() => _http.Dispose();
}
