using System.Text;

namespace CogLsp.PackageIndex.Tests;

/// <summary>Page bodies the loopback index does not produce: other API versions, odd entries, base hrefs.</summary>
public sealed class ParserTests
{
    private static readonly Uri Page = new("https://index.example/simple/pkg/");

    [Fact]
    public void Json_of_another_major_api_version_is_refused()
    {
        var page = JsonPageParser.Parse(Encoding.UTF8.GetBytes("""{"meta": {"api-version": "2.0"}, "files": []}"""), Page, out var problem);

        Assert.Null(page);
        Assert.Equal("unsupported simple API version 2.0", problem);
    }

    [Fact]
    public void Json_without_a_files_list_is_refused()
    {
        Assert.Null(JsonPageParser.Parse(Encoding.UTF8.GetBytes("""{"meta": {"api-version": "1.0"}, "files": {}}"""), Page, out var problem));
        Assert.Equal("the JSON page has no \"files\" list", problem);
    }

    [Fact]
    public void Json_entries_without_filename_or_url_are_skipped_and_yanked_false_is_not_yanked()
    {
        var page = JsonPageParser.Parse(
            Encoding.UTF8.GetBytes("""
                {"meta": {"api-version": "1.1"}, "files": [
                  {"url": "a.tar.gz"}, {"filename": "b.tar.gz"}, 42,
                  {"filename": "pkg-1.0.tar.gz", "url": "https://files.example/p/pkg-1.0.tar.gz#sha256=00", "yanked": false, "requires-python": null, "size": "big", "upload-time": "yesterday"}
                ]}
                """),
            Page,
            out _)!;

        var file = Assert.Single(page.Files);
        Assert.Equal(("https://files.example/p/pkg-1.0.tar.gz", false, null, null, null, null), (file.Url, file.Yanked, file.YankedReason, file.RequiresPython, file.Size, file.UploadTime));
        Assert.Null(page.Versions);
    }

    [Fact]
    public void Json_hashes_are_read_and_a_digest_in_the_url_wins_for_its_algorithm()
    {
        var page = JsonPageParser.Parse(
            Encoding.UTF8.GetBytes("""
                {"meta": {"api-version": "1.1"}, "files": [
                  {"filename": "pkg-1.0.tar.gz", "url": "pkg-1.0.tar.gz#sha256=ff&md5=11", "hashes": {"sha256": "aa", "blake2b_256": "cc", "md5": 5}},
                  {"filename": "pkg-1.1.tar.gz", "url": "pkg-1.1.tar.gz", "hashes": {"sha256": "bb"}},
                  {"filename": "pkg-1.2.tar.gz", "url": "pkg-1.2.tar.gz", "hashes": {}}
                ]}
                """),
            Page,
            out _)!;

        Assert.Equal(
            ["blake2b_256=cc sha256=ff", "sha256=bb", "none"],
            page.Files.Select(f => f.Hashes is null ? "none" : string.Join(' ', f.Hashes.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}={h.Value}"))));
        Assert.Equal("https://index.example/simple/pkg/pkg-1.0.tar.gz", page.Files[0].Url);
    }

    [Fact]
    public void Html_hash_fragments_are_the_files_digests()
    {
        var page = HtmlPageParser.Parse(
            """<a href="pkg-1.0.tar.gz#sha256=0a1b">a</a><a href="pkg-1.1.tar.gz#md5=99">b</a><a href="pkg-1.2.tar.gz#egg=pkg">c</a><a href="pkg-1.3.tar.gz">d</a>""",
            Page);

        Assert.Equal(
            ["sha256=0a1b", "md5=99", "none", "none"],
            page.Files.Select(f => f.Hashes is null ? "none" : string.Join(' ', f.Hashes.Select(h => $"{h.Key}={h.Value}"))));
        Assert.Equal("https://index.example/simple/pkg/pkg-1.0.tar.gz", page.Files[0].Url);
    }

    [Fact]
    public void Html_links_resolve_against_a_declared_base_and_directory_links_are_skipped()
    {
        var page = HtmlPageParser.Parse(
            """<html><head><base href="https://mirror.example/packages/"></head><body><a href="pkg-1.0.tar.gz#md5=1">x</a><a href="sub/">dir</a><a>no href</a><a href="pkg%2B1-2.0.zip" data-yanked>y</a></body></html>""",
            Page);

        Assert.Equal(["pkg-1.0.tar.gz", "pkg+1-2.0.zip"], page.Files.Select(f => f.FileName));
        Assert.Equal("https://mirror.example/packages/pkg-1.0.tar.gz", page.Files[0].Url);
        Assert.Equal((true, ""), (page.Files[1].Yanked, page.Files[1].YankedReason));
    }
}
