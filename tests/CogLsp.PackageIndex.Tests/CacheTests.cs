using CogLsp.Analysis.Indexes;

namespace CogLsp.PackageIndex.Tests;

/// <summary>The disk cache: HTTP freshness and revalidation, stale answers when the index is unreachable,
/// entries that do not read back, and a cache shared by two clients (the server and `check`).</summary>
public sealed class CacheTests : IndexTestBase
{
    private void AddLib() => Server.Add(new LoopbackFile("lib", "lib-1.0.tar.gz"));

    [Fact]
    public async Task Fresh_page_answers_from_the_cache_with_no_request_even_for_another_client()
    {
        AddLib();
        var first = await Get(Client(), Simple("lib"));
        Clock.Advance(TimeSpan.FromMinutes(9));

        var second = await Get(Client(), Simple("lib"));

        Assert.Equal((false, false), (first.FromCache, first.Stale));
        Assert.Equal((true, false), (second.FromCache, second.Stale));
        Assert.Equal(first.FetchedAt, second.FetchedAt);
        Assert.Equal(first.Page!.Files, second.Page!.Files);
        Assert.Equal(1, Server.RequestCount());
    }

    [Fact]
    public async Task Not_found_is_cached_too()
    {
        var client = Client();
        await Get(client, Simple("missing"));

        var again = await Get(client, Simple("missing"));

        Assert.Equal((IndexAnswerKind.NotFound, true), (again.Kind, again.FromCache));
        Assert.Equal(1, Server.RequestCount());
    }

    [Fact]
    public async Task After_the_default_ten_minutes_the_page_is_revalidated_with_its_etag()
    {
        AddLib();
        var client = Client();
        await Get(client, Simple("lib"));
        Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var revalidated = await Get(client, Simple("lib"));
        var afterwards = await Get(client, Simple("lib"));

        var requests = Server.Requests;
        Assert.Equal([200, 304], requests.Select(r => r.Status));
        Assert.Null(requests[0].Header("if-none-match"));
        Assert.Matches("^\"[0-9a-f]{16}\"$", requests[1].Header("if-none-match"));
        Assert.Equal((IndexAnswerKind.Found, false, Clock.GetUtcNow()), (revalidated.Kind, revalidated.FromCache, revalidated.FetchedAt));
        Assert.Equal("lib-1.0.tar.gz", revalidated.Page!.Files[0].FileName);
        Assert.True(afterwards.FromCache);
    }

    [Fact]
    public async Task Last_modified_is_used_when_there_is_no_etag()
    {
        AddLib();
        Server.ETags = false;
        Server.LastModified = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);
        var client = Client();
        await Get(client, Simple("lib"));
        Clock.Advance(TimeSpan.FromHours(1));

        var revalidated = await Get(client, Simple("lib"));

        Assert.Equal(IndexAnswerKind.Found, revalidated.Kind);
        Assert.Equal([200, 304], Server.Requests.Select(r => r.Status));
        Assert.Equal("Mon, 30 Nov 2026 08:00:00 GMT", Server.Requests[1].Header("if-modified-since"));
    }

    [Fact]
    public async Task Max_age_sets_the_freshness()
    {
        AddLib();
        Server.CacheControl = "max-age=60, public";
        var client = Client();
        await Get(client, Simple("lib"));

        Clock.Advance(TimeSpan.FromSeconds(59));
        var fresh = await Get(client, Simple("lib"));
        Clock.Advance(TimeSpan.FromSeconds(2));
        var due = await Get(client, Simple("lib"));

        Assert.True(fresh.FromCache);
        Assert.False(due.FromCache);
        Assert.Equal(2, Server.RequestCount());
    }

    [Fact]
    public async Task No_cache_revalidates_every_time()
    {
        AddLib();
        Server.CacheControl = "no-cache";
        var client = Client();

        await Get(client, Simple("lib"));
        var second = await Get(client, Simple("lib"));
        var third = await Get(client, Simple("lib"));

        Assert.Equal([200, 304, 304], Server.Requests.Select(r => r.Status));
        Assert.Equal((IndexAnswerKind.Found, IndexAnswerKind.Found), (second.Kind, third.Kind));
    }

    [Fact]
    public async Task No_store_writes_nothing()
    {
        AddLib();
        Server.CacheControl = "no-store";
        var client = Client();

        await Get(client, Simple("lib"));
        var second = await Get(client, Simple("lib"));

        Assert.Equal(0, CacheFileCount());
        Assert.False(second.FromCache);
        Assert.Equal(2, Server.RequestCount());
    }

    [Fact]
    public async Task Stale_page_answers_when_the_index_fails()
    {
        AddLib();
        var client = Client();
        var first = await Get(client, Simple("lib"));
        Clock.Advance(TimeSpan.FromDays(3));
        Server.SetFault("lib", LoopbackFault.ServerError);

        var stale = await Get(client, Simple("lib"));

        Assert.Equal((IndexAnswerKind.Found, true, true, first.FetchedAt), (stale.Kind, stale.FromCache, stale.Stale, stale.FetchedAt));
        Assert.Equal("lib-1.0.tar.gz", stale.Page!.Files[0].FileName);
        Assert.Contains("500", stale.Problem);
    }

    [Fact]
    public async Task Stale_page_answers_when_the_index_is_gone()
    {
        AddLib();
        var url = Server.SimpleUrl;
        var first = await Get(Client(), Simple(url, "lib"));
        await Server.DisposeAsync();
        Server = await LoopbackIndexServer.StartAsync();
        Clock.Advance(TimeSpan.FromHours(1));

        var stale = await Get(Client(), Simple(url, "lib"));

        Assert.Equal((IndexAnswerKind.Found, true, true), (stale.Kind, stale.FromCache, stale.Stale));
        Assert.Equal(first.Page!.Files, stale.Page!.Files);
        Assert.Contains("could not connect", stale.Problem);
    }

    [Fact]
    public async Task Digests_are_kept_in_the_cache_and_entries_of_the_format_before_them_are_fetched_again()
    {
        AddLib();
        var fetched = await Get(Client(), Simple("lib"));
        var cached = await Get(Client(), Simple("lib"));
        Assert.True(cached.FromCache);
        Assert.Equal(LoopbackPages.Sha256(new LoopbackFile("lib", "lib-1.0.tar.gz")), Assert.Single(cached.Page!.Files).Hashes!["sha256"]);
        Assert.Equal(fetched.Page!.Files, cached.Page.Files);

        // An entry written before files had digests reads back as files without them: it must not be used.
        foreach (var file in Directory.EnumerateFiles(CacheDir, "*.json", SearchOption.AllDirectories))
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.Contains($"\"format\":{CacheEntry.CurrentFormat},", text);
            await File.WriteAllTextAsync(file, text.Replace($"\"format\":{CacheEntry.CurrentFormat},", "\"format\":1,", StringComparison.Ordinal));
        }

        var old = await Get(Client(), Simple("lib"));

        Assert.Equal((IndexAnswerKind.Found, false), (old.Kind, old.FromCache));
        Assert.NotNull(Assert.Single(old.Page!.Files).Hashes);
        Assert.Equal(2, Server.RequestCount());
    }

    [Fact]
    public async Task Corrupt_entry_is_ignored_and_overwritten()
    {
        AddLib();
        await Get(Client(), Simple("lib"));
        foreach (var file in Directory.EnumerateFiles(CacheDir, "*.json", SearchOption.AllDirectories))
        {
            await File.WriteAllTextAsync(file, "{\"format\":1,\"url\":");
        }

        var refetched = await Get(Client(), Simple("lib"));
        var cached = await Get(Client(), Simple("lib"));

        Assert.Equal((IndexAnswerKind.Found, false), (refetched.Kind, refetched.FromCache));
        Assert.Equal((IndexAnswerKind.Found, true), (cached.Kind, cached.FromCache));
        Assert.Equal(2, Server.RequestCount());
    }

    [Fact]
    public async Task Without_the_disk_cache_every_query_asks()
    {
        AddLib();
        var client = Client(o => new PackageIndexOptions { UseDiskCache = false, TimeProvider = o.TimeProvider });

        await Get(client, Simple("lib"));
        await Get(client, Simple("lib"));

        Assert.Equal(2, Server.RequestCount());
        Assert.Null(client.CacheDirectory);
    }
}
