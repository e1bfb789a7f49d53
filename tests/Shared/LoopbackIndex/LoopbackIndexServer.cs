using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CogLsp.Tests.Shared.LoopbackIndex;

/// <summary>
/// A real package index on 127.0.0.1 (Kestrel), serving an in-memory model of projects and files:
/// <list type="bullet">
/// <item>/simple/&lt;name&gt;/ — PEP 691 JSON or PEP 503 HTML by the Accept header (HTML only with
/// <see cref="HtmlOnly"/>); 404 for an unknown project; Basic auth required once <see cref="RequireCredentials"/>
/// was called (also for /moved/simple/ and /find-links/); a <see cref="LoopbackFault"/> per project.</item>
/// <item>/open/simple/&lt;name&gt;/ — the same pages, never asking for credentials (where a cross-host
/// redirect lands: use <see cref="OtherHostSimpleUrl"/>, i.e. localhost instead of 127.0.0.1).</item>
/// <item>/whl/&lt;variant&gt;/&lt;name&gt;/ — a PyTorch-style index: HTML only (<see cref="PytorchUrl"/>).</item>
/// <item>/find-links/ — one flat HTML page of every project's files. /files/&lt;file&gt; — the files.</item>
/// </list>
/// Every response can carry <see cref="CacheControl"/>, an ETag (answering If-None-Match with 304), a
/// Last-Modified (answering If-Modified-Since), gzip when asked, and <see cref="Latency"/> before it. Every
/// request is logged (<see cref="Requests"/>) before its answer is written, so a client that has its
/// answer always finds its request in the log. Members may be changed while the server runs.
/// </summary>
public sealed class LoopbackIndexServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly List<LoopbackFile> _files = [];
    private readonly Dictionary<string, List<LoopbackFile>> _pytorch = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _versions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LoopbackFault> _faults = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<LoopbackRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private (string User, string Password)? _credentials;
    private int _active;
    private int _maxActive;

    private LoopbackIndexServer(WebApplication app) => _app = app;

    public int Port { get; private set; }

    /// <summary>http://127.0.0.1:port (no trailing slash).</summary>
    public string BaseUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The simple index: http://127.0.0.1:port/simple/ .</summary>
    public string SimpleUrl => BaseUrl + "/simple/";

    /// <summary>The open copy of the simple index on another host name: http://localhost:port/open/simple/ .</summary>
    public string OtherHostSimpleUrl => $"http://localhost:{Port}/open/simple/";

    /// <summary>The PyTorch-style base (Cog's https://download.pytorch.org/whl/): http://127.0.0.1:port/whl/ .</summary>
    public string PytorchUrl => BaseUrl + "/whl/";

    /// <summary>The flat find-links page of every file: http://127.0.0.1:port/find-links/ .</summary>
    public string FindLinksUrl => BaseUrl + "/find-links/";

    /// <summary>The simple index with credentials in its URL: http://user:password@127.0.0.1:port/simple/ .</summary>
    public string SimpleUrlWithCredentials(string user, string password) =>
        $"http://{Uri.EscapeDataString(user)}:{Uri.EscapeDataString(password)}@127.0.0.1:{Port}/simple/";

    /// <summary>Added before every response (the bench uses 50 ms).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Sent as Cache-Control on every page (null: none).</summary>
    public string? CacheControl { get; set; }

    /// <summary>Send an ETag and answer a matching If-None-Match with 304.</summary>
    public bool ETags { get; set; } = true;

    /// <summary>When set, sent as Last-Modified; an If-Modified-Since at or after it is answered with 304.</summary>
    public DateTimeOffset? LastModified { get; set; }

    /// <summary>Gzip pages when the request accepts it.</summary>
    public bool Gzip { get; set; } = true;

    /// <summary>The simple index ignores the JSON type in Accept and serves HTML (an older index).</summary>
    public bool HtmlOnly { get; set; }

    /// <summary>Body size for <see cref="LoopbackFault.Oversized"/>.</summary>
    public int OversizedBytes { get; set; } = 1 << 20;

    public IReadOnlyList<LoopbackRequest> Requests => [.. _requests];

    /// <summary>Requests whose path starts with <paramref name="pathPrefix"/>.</summary>
    public int RequestCount(string pathPrefix = "/") => _requests.Count(r => r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));

    public void ClearRequests() => _requests.Clear();

    /// <summary>The most requests that were being handled at the same time.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxActive);

    public static async Task<LoopbackIndexServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackIndexServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Port = new Uri(address).Port;
        return server;
    }

    /// <summary>A URL on 127.0.0.1 where nothing listens (connection refused).</summary>
    public static string UnusedUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/simple/";
    }

    public LoopbackIndexServer Add(params LoopbackFile[] files)
    {
        lock (_gate)
        {
            _files.AddRange(files);
        }

        return this;
    }

    /// <summary>Files of the PyTorch-style index under /whl/&lt;variant&gt;/ (e.g. "cu121").</summary>
    public LoopbackIndexServer AddPytorch(string variant, params LoopbackFile[] files)
    {
        lock (_gate)
        {
            if (!_pytorch.TryGetValue(variant, out var list))
            {
                _pytorch[variant] = list = [];
            }

            list.AddRange(files);
        }

        return this;
    }

    /// <summary>PEP 700 `versions` for a project's JSON page (which then says api-version 1.1).</summary>
    public LoopbackIndexServer SetVersions(string project, params string[] versions)
    {
        lock (_gate)
        {
            _versions[project] = versions;
        }

        return this;
    }

    public LoopbackIndexServer SetFault(string project, LoopbackFault fault)
    {
        _faults[project] = fault;
        return this;
    }

    /// <summary>From now on /simple/, /moved/simple/ and /find-links/ answer 401 without these Basic credentials.</summary>
    public LoopbackIndexServer RequireCredentials(string user, string password)
    {
        _credentials = (user, password);
        return this;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var active = Interlocked.Increment(ref _active);
        try
        {
            InterlockedMax(ref _maxActive, active);
            await HandleCoreAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref _active);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private async Task HandleCoreAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, context.RequestAborted);
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var needsAuth = _credentials is not null
            && segments.Length > 0
            && (segments[0] is "simple" or "find-links" || (segments[0] == "moved" && segments.Length > 1 && segments[1] == "simple"));
        if (needsAuth && !Authorized(request))
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"loopback\"";
            await AnswerAsync(context, 401, "text/plain", "credentials required"u8.ToArray());
            return;
        }

        switch (segments)
        {
            case ["simple", var name]:
                await ProjectPageAsync(context, name, withFaults: true);
                return;
            case ["moved" or "open", "simple", var other]:
                await ProjectPageAsync(context, other, withFaults: false);
                return;
            case ["whl", var variant, var name]:
                await PytorchPageAsync(context, variant, name);
                return;
            case ["find-links"]:
                await PageAsync(context, LoopbackPages.Html("find-links", Snapshot(_files), BaseUrl + "/files/"), "text/html");
                return;
            case ["files", _] or ["open" or "moved", "files", _]:
                var fileName = segments[^1];
                var file = Snapshot(_files).Concat(_pytorch.Values.SelectMany(Snapshot)).FirstOrDefault(f => f.FileName == Uri.UnescapeDataString(fileName));
                await AnswerAsync(context, file is null ? 404 : 200, "application/octet-stream", file is null ? [] : LoopbackPages.Content(file));
                return;
            default:
                await AnswerAsync(context, 404, "text/plain", "not found"u8.ToArray());
                return;
        }
    }

    private async Task ProjectPageAsync(HttpContext context, string name, bool withFaults)
    {
        var fault = withFaults && _faults.TryGetValue(name, out var f) ? f : LoopbackFault.None;
        switch (fault)
        {
            case LoopbackFault.ServerError:
                await AnswerAsync(context, 500, "text/plain", "boom"u8.ToArray());
                return;
            case LoopbackFault.ServiceUnavailable:
                await AnswerAsync(context, 503, "text/plain", "later"u8.ToArray());
                return;
            case LoopbackFault.Forbidden:
                await AnswerAsync(context, 403, "text/plain", "no"u8.ToArray());
                return;
            case LoopbackFault.Gone:
                await AnswerAsync(context, 410, "text/plain", "gone"u8.ToArray());
                return;
            case LoopbackFault.Hang:
                Log(context, 0);
                using (var both = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token))
                {
                    await Task.Delay(Timeout.Infinite, both.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                }

                return;
            case LoopbackFault.MalformedJson:
                await AnswerAsync(context, 200, "application/vnd.pypi.simple.v1+json", "{\"meta\": {\"api-version\": \"1.0\"}, \"files\": [ {\"filename\": "u8.ToArray());
                return;
            case LoopbackFault.Oversized:
                var padding = Encoding.ASCII.GetBytes("<html><body><!--" + new string('x', OversizedBytes) + "--></body></html>");
                await PageAsync(context, padding, "text/html");
                return;
            case LoopbackFault.WrongContentType:
                await AnswerAsync(context, 200, "application/octet-stream", "\u0001\u0002"u8.ToArray());
                return;
            case LoopbackFault.RedirectToOtherHost:
                context.Response.Headers.Location = $"{OtherHostSimpleUrl}{name}/";
                await AnswerAsync(context, 302, "text/plain", []);
                return;
            case LoopbackFault.RedirectSameHost:
                context.Response.Headers.Location = $"/moved/simple/{name}/";
                await AnswerAsync(context, 301, "text/plain", []);
                return;
        }

        List<LoopbackFile> files;
        IReadOnlyList<string>? versions;
        lock (_gate)
        {
            files = _files.Where(x => x.Project == name).ToList();
            versions = _versions.GetValueOrDefault(name);
        }

        if (files.Count == 0 && versions is null)
        {
            await AnswerAsync(context, 404, "text/plain", "no such project"u8.ToArray());
            return;
        }

        if (!HtmlOnly && PrefersJson(context.Request.Headers.Accept.ToString()))
        {
            await PageAsync(context, LoopbackPages.Json(name, files, versions), "application/vnd.pypi.simple.v1+json");
        }
        else
        {
            await PageAsync(context, LoopbackPages.Html(name, files, "../../files/"), "application/vnd.pypi.simple.v1+html");
        }
    }

    private async Task PytorchPageAsync(HttpContext context, string variant, string name)
    {
        List<LoopbackFile> files;
        lock (_gate)
        {
            files = _pytorch.TryGetValue(variant, out var list) ? list.Where(x => x.Project == name).ToList() : [];
        }

        if (files.Count == 0)
        {
            await AnswerAsync(context, 404, "text/plain", "no such project"u8.ToArray());
            return;
        }

        // Like download.pytorch.org: plain text/html whatever the Accept header asks, absolute file links.
        await PageAsync(context, LoopbackPages.Html(name, files, BaseUrl + "/files/"), "text/html");
    }

    /// <summary>A 200 page with the caching headers, or 304 when the request's validators match.</summary>
    private async Task PageAsync(HttpContext context, byte[] body, string contentType)
    {
        var response = context.Response;
        var etag = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body).AsSpan(0, 8)) + "\"";
        if (CacheControl is not null)
        {
            response.Headers.CacheControl = CacheControl;
        }

        response.Headers.Vary = "Accept, Accept-Encoding";
        if (ETags)
        {
            response.Headers.ETag = etag;
        }

        if (LastModified is { } modified)
        {
            response.Headers.LastModified = modified.ToString("R");
        }

        var request = context.Request;
        var notModified = (ETags && request.Headers.IfNoneMatch.ToString() == etag)
            || (LastModified is { } lm && DateTimeOffset.TryParse(request.Headers.IfModifiedSince.ToString(), out var since) && since >= lm.AddTicks(-(lm.Ticks % TimeSpan.TicksPerSecond)));
        if (notModified)
        {
            await AnswerAsync(context, 304, null, []);
            return;
        }

        if (Gzip && request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase))
        {
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(body);
            }

            response.Headers.ContentEncoding = "gzip";
            body = compressed.ToArray();
        }

        await AnswerAsync(context, 200, contentType, body);
    }

    private async Task AnswerAsync(HttpContext context, int status, string? contentType, byte[] body)
    {
        Log(context, status);
        var response = context.Response;
        response.StatusCode = status;
        if (contentType is not null)
        {
            response.ContentType = contentType;
        }

        if (status != 304)
        {
            response.ContentLength = body.Length;
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private void Log(HttpContext context, int status)
    {
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        _requests.Enqueue(new LoopbackRequest(context.Request.Method, context.Request.Host.Value ?? string.Empty, context.Request.Path.Value ?? "/", headers, status, context.Response.Headers.ContentEncoding.FirstOrDefault()));
    }

    private bool Authorized(HttpRequest request)
    {
        var (user, password) = _credentials!.Value;
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
        return request.Headers.Authorization.ToString() == expected;
    }

    /// <summary>PEP 691 negotiation: JSON when its quality is positive and not below HTML's.</summary>
    private static bool PrefersJson(string accept)
    {
        double json = 0, html = 0;
        foreach (var part in accept.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            var quality = 1.0;
            foreach (var parameter in pieces.Skip(1))
            {
                if (parameter.StartsWith("q=", StringComparison.Ordinal) && double.TryParse(parameter[2..], System.Globalization.CultureInfo.InvariantCulture, out var q))
                {
                    quality = q;
                }
            }

            switch (pieces[0].ToLowerInvariant())
            {
                case "application/vnd.pypi.simple.v1+json" or "application/vnd.pypi.simple.latest+json":
                    json = Math.Max(json, quality);
                    break;
                case "application/vnd.pypi.simple.v1+html" or "text/html" or "*/*":
                    html = Math.Max(html, quality);
                    break;
            }
        }

        return json > 0 && json >= html;
    }

    private List<LoopbackFile> Snapshot(List<LoopbackFile> list)
    {
        lock (_gate)
        {
            return [.. list];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
