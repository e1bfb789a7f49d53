using System.Text;
using CogLsp.Analysis.Indexes;

namespace CogLsp.PackageIndex.Tests;

/// <summary>Credentials in an index URL: sent as Basic auth to that origin only, never shown, never stored.</summary>
public sealed class CredentialTests : IndexTestBase
{
    private const string User = "alice";
    private const string Token = "s3cr3t-T0KEN";

    private static readonly string BasicValue = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + Token));

    [Fact]
    public async Task Credentials_in_the_url_are_sent_as_basic_auth()
    {
        Server.RequireCredentials(User, Token).Add(new LoopbackFile("internal-lib", "internal_lib-1.0.tar.gz"));

        var answer = await Get(Client(), Simple(Server.SimpleUrlWithCredentials(User, Token), "internal-lib"));

        Assert.Equal(IndexAnswerKind.Found, answer.Kind);
        Assert.Equal(BasicValue, Assert.Single(Server.Requests).Header("authorization"));
        Assert.DoesNotContain(Token, answer.Page!.Files[0].Url);
    }

    [Fact]
    public async Task Percent_encoded_credentials_are_decoded_before_they_are_sent()
    {
        Server.RequireCredentials("bob@corp", "p@ss:w/rd%").Add(new LoopbackFile("internal-lib", "internal_lib-1.0.tar.gz"));

        var answer = await Get(Client(), Simple(Server.SimpleUrlWithCredentials("bob@corp", "p@ss:w/rd%"), "internal-lib"));

        Assert.Equal(IndexAnswerKind.Found, answer.Kind);
        Assert.Equal("http://bob%40corp:***@127.0.0.1:" + Server.Port + "/simple/", answer.Query.Source.DisplayUrl);
    }

    [Fact]
    public async Task Redirect_to_another_host_arrives_without_the_credentials()
    {
        Server.RequireCredentials(User, Token).Add(new LoopbackFile("internal-lib", "internal_lib-1.0.tar.gz"));
        Server.SetFault("internal-lib", LoopbackFault.RedirectToOtherHost);

        var answer = await Get(Client(), Simple(Server.SimpleUrlWithCredentials(User, Token), "internal-lib"));

        Assert.Equal(IndexAnswerKind.Found, answer.Kind);
        Assert.Collection(
            Server.Requests,
            first => Assert.Equal(("127.0.0.1:" + Server.Port, "/simple/internal-lib/", BasicValue), (first.Host, first.Path, first.Header("authorization"))),
            second =>
            {
                Assert.Equal(("localhost:" + Server.Port, "/open/simple/internal-lib/"), (second.Host, second.Path));
                Assert.False(second.HasAuthorization);
            });

        // Links on the redirected page resolve against the page it landed on.
        Assert.Equal($"http://localhost:{Server.Port}/open/files/internal_lib-1.0.tar.gz", answer.Page!.Files[0].Url);
    }

    [Fact]
    public async Task Redirect_on_the_same_host_keeps_the_credentials()
    {
        Server.RequireCredentials(User, Token).Add(new LoopbackFile("internal-lib", "internal_lib-1.0.tar.gz"));
        Server.SetFault("internal-lib", LoopbackFault.RedirectSameHost);

        var answer = await Get(Client(), Simple(Server.SimpleUrlWithCredentials(User, Token), "internal-lib"));

        Assert.Equal(IndexAnswerKind.Found, answer.Kind);
        Assert.Equal(["/simple/internal-lib/", "/moved/simple/internal-lib/"], Server.Requests.Select(r => r.Path));
        Assert.All(Server.Requests, r => Assert.Equal(BasicValue, r.Header("authorization")));
    }

    [Fact]
    public async Task Credentials_never_appear_in_problems_or_cache_files()
    {
        Server.RequireCredentials(User, Token).Add(new LoopbackFile("found", "found-1.0.tar.gz"));
        Server.SetFault("broken", LoopbackFault.ServerError).SetFault("garbage", LoopbackFault.MalformedJson).SetFault("slow", LoopbackFault.Hang);
        var client = Client(o => new PackageIndexOptions { CacheDirectory = o.CacheDirectory, TimeProvider = o.TimeProvider, RetryDelay = o.RetryDelay, TotalTimeout = TimeSpan.FromSeconds(1) });
        var url = Server.SimpleUrlWithCredentials(User, Token);

        var answers = await Task.WhenAll(new[] { "found", "missing", "broken", "garbage", "slow" }.Select(p => Get(client, Simple(url, p))));
        var wrong = await Get(client, Simple(Server.SimpleUrlWithCredentials(User, "wrong-" + Token), "found"));
        var refused = await Get(client, Simple(LoopbackIndexServer.UnusedUrl().Replace("http://", $"http://{User}:{Token}@"), "found"));

        Assert.Equal(
            [IndexAnswerKind.Found, IndexAnswerKind.NotFound, IndexAnswerKind.Unavailable, IndexAnswerKind.Unavailable, IndexAnswerKind.Unavailable, IndexAnswerKind.Unavailable, IndexAnswerKind.Unavailable],
            answers.Append(wrong).Append(refused).Select(a => a.Kind));
        foreach (var answer in answers.Append(wrong).Append(refused))
        {
            Assert.DoesNotContain(Token, answer.Problem ?? string.Empty);
        }

        Assert.True(CacheFileCount() >= 2);
        var cache = CacheContents();
        Assert.DoesNotContain(Token, cache);
        Assert.DoesNotContain(BasicValue[6..], cache);
        Assert.DoesNotContain(Token, string.Join("\n", Directory.EnumerateFiles(CacheDir, "*", SearchOption.AllDirectories)));
    }

    [Fact]
    public async Task Different_tokens_do_not_share_a_cached_page()
    {
        Server.Add(new LoopbackFile("lib", "lib-1.0.tar.gz"));
        var client = Client();

        await Get(client, Simple(Server.SimpleUrlWithCredentials(User, "token-a"), "lib"));
        var again = await Get(client, Simple(Server.SimpleUrlWithCredentials(User, "token-a"), "lib"));
        var other = await Get(client, Simple(Server.SimpleUrlWithCredentials(User, "token-b"), "lib"));

        Assert.True(again.FromCache);
        Assert.False(other.FromCache);
        Assert.Equal(2, Server.RequestCount());
    }

    [Fact]
    public void Display_urls_hide_the_password()
    {
        Assert.Equal("https://alice:***@host/simple/", new IndexSource(IndexSourceKind.Simple, "https://alice:" + Token + "@host/simple/").DisplayUrl);
    }
}
