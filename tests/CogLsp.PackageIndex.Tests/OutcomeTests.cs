using CogLsp.Analysis.Indexes;

namespace CogLsp.PackageIndex.Tests;

/// <summary>Found, NotFound, or Unavailable with a reason: what each kind of index answer becomes.</summary>
public sealed class OutcomeTests : IndexTestBase
{
    [Fact]
    public async Task Unknown_project_is_not_found()
    {
        var answer = await Get(Client(), Simple("no-such-project"));

        Assert.Equal((IndexAnswerKind.NotFound, null, null), (answer.Kind, answer.Page, answer.Problem));
    }

    [Fact]
    public async Task Gone_project_is_not_found()
    {
        Server.SetFault("removed", LoopbackFault.Gone);

        Assert.Equal(IndexAnswerKind.NotFound, (await Get(Client(), Simple("removed"))).Kind);
    }

    [Theory]
    [InlineData(LoopbackFault.ServerError, "500")]
    [InlineData(LoopbackFault.ServiceUnavailable, "503")]
    public async Task Server_errors_are_retried_a_bounded_number_of_times_then_unavailable(LoopbackFault fault, string status)
    {
        Server.SetFault("flaky", fault);

        var answer = await Get(Client(o => new PackageIndexOptions { CacheDirectory = o.CacheDirectory, TimeProvider = o.TimeProvider, RetryDelay = o.RetryDelay, MaxRetries = 2 }), Simple("flaky"));

        Assert.Equal(IndexAnswerKind.Unavailable, answer.Kind);
        Assert.Contains(status, answer.Problem);
        Assert.Equal(3, Server.RequestCount("/simple/flaky/"));
    }

    [Fact]
    public async Task Forbidden_is_unavailable_and_not_retried()
    {
        Server.SetFault("private", LoopbackFault.Forbidden);

        var answer = await Get(Client(), Simple("private"));

        Assert.Equal(IndexAnswerKind.Unavailable, answer.Kind);
        Assert.Contains("403", answer.Problem);
        Assert.Equal(1, Server.RequestCount());
    }

    [Fact]
    public async Task Missing_credentials_are_unavailable()
    {
        Server.RequireCredentials("alice", "token-1").Add(new LoopbackFile("internal-lib", "internal_lib-1.0.tar.gz"));

        var answer = await Get(Client(), Simple("internal-lib"));

        Assert.Equal(IndexAnswerKind.Unavailable, answer.Kind);
        Assert.Contains("401", answer.Problem);
    }

    [Fact]
    public async Task Hanging_index_is_unavailable_after_the_total_timeout()
    {
        Server.SetFault("slow", LoopbackFault.Hang);

        var answer = await Get(Client(o => new PackageIndexOptions { CacheDirectory = o.CacheDirectory, TotalTimeout = TimeSpan.FromSeconds(1) }), Simple("slow"));

        Assert.Equal(IndexAnswerKind.Unavailable, answer.Kind);
        Assert.Contains("no answer within 1 s", answer.Problem);
    }

    [Fact]
    public async Task Malformed_json_is_unavailable()
    {
        Server.SetFault("garbage", LoopbackFault.MalformedJson);

        var answer = await Get(Client(), Simple("garbage"));

        Assert.Equal(IndexAnswerKind.Unavailable, answer.Kind);
        Assert.Contains("not valid JSON", answer.Problem);
    }

    [Fact]
    public async Task Unexpected_content_type_is_unavailable()
    {
        Server.SetFault("binary", LoopbackFault.WrongContentType);

        var answer = await Get(Client(), Simple("binary"));

        Assert.Equal(IndexAnswerKind.Unavailable, answer.Kind);
        Assert.Contains("unexpected content type application/octet-stream", answer.Problem);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Oversized_page_is_unavailable_whether_its_length_is_declared_or_it_only_grows_when_decompressed(bool gzip)
    {
        Server.Gzip = gzip;
        Server.OversizedBytes = 256 * 1024;
        Server.SetFault("huge", LoopbackFault.Oversized);

        var answer = await Get(Client(o => new PackageIndexOptions { CacheDirectory = o.CacheDirectory, MaxResponseBytes = 64 * 1024 }), Simple("huge"));

        Assert.Equal(IndexAnswerKind.Unavailable, answer.Kind);
        Assert.Contains("too large", answer.Problem);
    }

    [Fact]
    public async Task Refused_connection_is_unavailable()
    {
        var answer = await Get(Client(), Simple(LoopbackIndexServer.UnusedUrl(), "requests"));

        Assert.Equal(IndexAnswerKind.Unavailable, answer.Kind);
        Assert.Contains("could not connect", answer.Problem);
    }

    [Fact]
    public async Task Unresolvable_host_is_unavailable()
    {
        var answer = await Get(Client(), Simple("http://index.invalid/simple/", "requests"));

        Assert.Equal(IndexAnswerKind.Unavailable, answer.Kind);
        Assert.StartsWith("http://index.invalid/simple/requests/: ", answer.Problem);
    }

    [Fact]
    public async Task Source_that_is_not_an_http_url_is_unavailable()
    {
        var answer = await Get(Client(), Simple("ftp://user:hunter2@example.com/simple/", "requests"));

        Assert.Equal(IndexAnswerKind.Unavailable, answer.Kind);
        Assert.Equal("ftp://user:***@example.com/simple/requests/ is not an http(s) URL", answer.Problem);
    }

    [Fact]
    public async Task Cancelling_the_caller_throws()
    {
        Server.SetFault("slow", LoopbackFault.Hang);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client().GetAsync(Simple("slow"), cancel.Token));
    }
}
