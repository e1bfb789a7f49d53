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
