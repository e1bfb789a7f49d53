using CogLsp.Analysis.Indexes;

namespace CogLsp.PackageIndex.Tests;

/// <summary>One request per page in flight, a bounded number of pages in parallel.</summary>
public sealed class ConcurrencyTests : IndexTestBase
{
    [Fact]
    public async Task Concurrent_queries_for_one_page_make_one_request()
    {
        Server.Add(new LoopbackFile("lib", "lib-1.0.tar.gz"));
        Server.Latency = TimeSpan.FromMilliseconds(300);
        var client = Client();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Get(client, Simple("lib")))));

        Assert.All(answers, a => Assert.Equal(IndexAnswerKind.Found, a.Kind));
        Assert.Equal(1, Server.RequestCount());
    }

    [Fact]
    public async Task One_find_links_page_serves_every_project_with_one_request()
    {
        Server.Add(new LoopbackFile("a", "a-1.0.tar.gz"), new LoopbackFile("b", "b-1.0.tar.gz"));
        Server.Latency = TimeSpan.FromMilliseconds(300);
        var client = Client();
        var source = new IndexSource(IndexSourceKind.FindLinks, Server.FindLinksUrl);

        var answers = await Task.WhenAll(new[] { "a", "b", "c" }.Select(p => client.GetAsync(new IndexQuery(source, p), CancellationToken.None)));

        Assert.Equal(["a", "b", "c"], answers.Select(a => a.Page!.Project));
        Assert.Equal(["a", "b", "c"], answers.Select(a => a.Query.Project));
        Assert.Equal(1, Server.RequestCount());
    }

    [Fact]
    public async Task A_cancelled_caller_does_not_cancel_the_shared_request()
    {
        Server.Add(new LoopbackFile("lib", "lib-1.0.tar.gz"));
        Server.Latency = TimeSpan.FromMilliseconds(500);
        var client = Client();
        using var cancel = new CancellationTokenSource();

        var cancelled = client.GetAsync(Simple("lib"), cancel.Token);
        var patient = client.GetAsync(Simple("lib"), CancellationToken.None);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(IndexAnswerKind.Found, (await patient).Kind);
        Assert.Equal(1, Server.RequestCount());
    }

    [Fact]
    public async Task Pages_are_fetched_at_most_max_parallel_at_once()
    {
        var projects = Enumerable.Range(0, 6).Select(i => "p" + i).ToArray();
        Server.Add([.. projects.Select(p => new LoopbackFile(p, p + "-1.0.tar.gz"))]);
        Server.Latency = TimeSpan.FromMilliseconds(200);
        var client = Client(o => new PackageIndexOptions { CacheDirectory = o.CacheDirectory, TimeProvider = o.TimeProvider, MaxParallelRequests = 2 });

        var answers = await Task.WhenAll(projects.Select(p => client.GetAsync(Simple(p), CancellationToken.None)));

        Assert.All(answers, a => Assert.Equal(IndexAnswerKind.Found, a.Kind));
        Assert.Equal(6, Server.RequestCount());
        Assert.Equal(2, Server.MaxConcurrentRequests);
    }
}
