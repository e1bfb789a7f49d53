using CogLsp.Analysis.Indexes;

namespace CogLsp.PackageIndex.Tests;

/// <summary>Pages as the indexes serve them: PEP 691 JSON, PEP 503 HTML, the PyTorch index, find-links.</summary>
public sealed class PageReadingTests : IndexTestBase
{
    private static readonly DateTimeOffset Uploaded = new(2024, 5, 29, 15, 37, 44, TimeSpan.Zero);

    private void AddRequests() => Server
        .Add(
            new LoopbackFile("requests", "requests-2.32.3-py3-none-any.whl", ">=3.8", UploadTime: Uploaded, Size: 64),
            new LoopbackFile("requests", "requests-2.32.3.tar.gz", ">=3.8", UploadTime: Uploaded, Size: 131),
            new LoopbackFile("requests", "requests-2.32.0-py3-none-any.whl", ">=3.8", YankedReason: "Yanked due to conflicts with CVE-2024-35195 mitigation"),
            new LoopbackFile("requests", "requests-2.31.1-py3-none-any.whl", YankedReason: ""))
        .SetVersions("requests", "2.31.1", "2.32.0", "2.32.3", "2.33.0");

    /// <summary>The digests the loopback index lists for a file of <paramref name="size"/> bytes.</summary>
    private static Dictionary<string, string> Sha256Of(long size) => new() { ["sha256"] = LoopbackPages.Sha256(new LoopbackFile("x", "x", Size: size)) };

    [Fact]
    public async Task Json_page_gives_every_file_with_requires_python_yanks_upload_time_size_and_versions()
    {
        AddRequests();

        var answer = await Get(Client(), Simple("requests"));

        Assert.Equal(IndexAnswerKind.Found, answer.Kind);
        Assert.False(answer.FromCache);
        var page = answer.Page!;
        Assert.Equal(["2.31.1", "2.32.0", "2.32.3", "2.33.0"], page.Versions!);
        var wheel = page.Files[0];
        Assert.Equal(new IndexFile("requests-2.32.3-py3-none-any.whl", Server.BaseUrl + "/files/requests-2.32.3-py3-none-any.whl", ">=3.8", false, null, Uploaded, 64) { Hashes = Sha256Of(64) }, wheel);
        Assert.Equal(131, page.Files[1].Size);
        Assert.Equal((true, "Yanked due to conflicts with CVE-2024-35195 mitigation"), (page.Files[2].Yanked, page.Files[2].YankedReason));
        Assert.Equal((true, ""), (page.Files[3].Yanked, page.Files[3].YankedReason));
        var request = Assert.Single(Server.Requests);
        Assert.Equal("/simple/requests/", request.Path);
        Assert.Equal(PageFetcher.Accept, request.Header("accept"));
        Assert.StartsWith("cog-lsp/", request.Header("user-agent"));
    }

    [Fact]
    public async Task Html_page_is_read_when_the_index_serves_no_json()
    {
        AddRequests();
        Server.HtmlOnly = true;

        var page = (await Get(Client(), Simple("requests"))).Page!;

        Assert.Null(page.Versions);
        Assert.Equal(
            [
                new IndexFile("requests-2.32.3-py3-none-any.whl", Server.BaseUrl + "/files/requests-2.32.3-py3-none-any.whl", ">=3.8", false, null, null, null) { Hashes = Sha256Of(64) },
                new IndexFile("requests-2.32.3.tar.gz", Server.BaseUrl + "/files/requests-2.32.3.tar.gz", ">=3.8", false, null, null, null) { Hashes = Sha256Of(131) },
                new IndexFile("requests-2.32.0-py3-none-any.whl", Server.BaseUrl + "/files/requests-2.32.0-py3-none-any.whl", ">=3.8", true, "Yanked due to conflicts with CVE-2024-35195 mitigation", null, null) { Hashes = Sha256Of(16) },
                new IndexFile("requests-2.31.1-py3-none-any.whl", Server.BaseUrl + "/files/requests-2.31.1-py3-none-any.whl", null, true, "", null, null) { Hashes = Sha256Of(16) },
            ],
            page.Files);
    }

    [Fact]
    public async Task Html_requires_python_is_entity_decoded_and_hash_fragments_are_dropped()
    {
        Server.HtmlOnly = true;
        Server.Add(new LoopbackFile("numpy", "numpy-2.0.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", ">=3.9,<3.13 ; python_version != \"3.10\""));

        var file = Assert.Single((await Get(Client(), Simple("numpy"))).Page!.Files);

        Assert.Equal(">=3.9,<3.13 ; python_version != \"3.10\"", file.RequiresPython);
        Assert.DoesNotContain("#", file.Url);
        Assert.Equal(Server.BaseUrl + "/files/numpy-2.0.0-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", file.Url);
    }

    [Fact]
    public async Task Pytorch_style_index_serves_html_whatever_the_accept_header_asks()
    {
        Server.AddPytorch("cu121", new LoopbackFile("torch", "torch-2.3.1+cu121-cp311-cp311-linux_x86_64.whl"));

        var answer = await Get(Client(), Simple(Server.PytorchUrl + "cu121", "torch"));

        Assert.Equal(IndexAnswerKind.Found, answer.Kind);
        var file = Assert.Single(answer.Page!.Files);
        Assert.Equal("torch-2.3.1+cu121-cp311-cp311-linux_x86_64.whl", file.FileName);
        Assert.Equal(Server.BaseUrl + "/files/torch-2.3.1%2Bcu121-cp311-cp311-linux_x86_64.whl", file.Url);
        Assert.Equal("/whl/cu121/torch/", Assert.Single(Server.Requests).Path);
    }

    [Fact]
    public async Task Project_names_are_normalised_into_the_page_url()
    {
        Server.Add(new LoopbackFile("zope-interface", "zope.interface-6.4.tar.gz"));

        var answer = await Get(Client(), Simple("Zope_._Interface"));

        Assert.Equal(IndexAnswerKind.Found, answer.Kind);
        Assert.Equal("/simple/zope-interface/", Assert.Single(Server.Requests).Path);
        Assert.Equal("Zope_._Interface", answer.Page!.Project);
    }

    [Fact]
    public async Task Gzip_compressed_pages_are_accepted()
    {
        AddRequests();
        Server.Gzip = true;

        var answer = await Get(Client(), Simple("requests"));

        Assert.Equal(4, answer.Page!.Files.Count);
        var request = Assert.Single(Server.Requests);
        Assert.Contains("gzip", request.Header("accept-encoding"));
        Assert.Equal("gzip", request.ContentEncoding);
    }

    [Fact]
    public async Task Find_links_page_keeps_the_files_of_every_project()
    {
        Server.Add(new LoopbackFile("a", "a-1.0-py3-none-any.whl"), new LoopbackFile("b", "b-2.0.tar.gz"));

        var answer = await Get(Client(), new IndexQuery(new IndexSource(IndexSourceKind.FindLinks, Server.FindLinksUrl), "a"));

        Assert.Equal(IndexAnswerKind.Found, answer.Kind);
        Assert.Equal(["a-1.0-py3-none-any.whl", "b-2.0.tar.gz"], answer.Page!.Files.Select(f => f.FileName));
        Assert.Equal(Server.BaseUrl + "/files/b-2.0.tar.gz", answer.Page.Files[1].Url);
    }

    [Fact]
    public async Task A_file_index_is_read_from_its_project_directories_and_a_missing_project_is_not_found()
    {
        var simple = Path.Combine(CacheDir, "tree", "simple");
        Directory.CreateDirectory(Path.Combine(simple, "local-pkg"));
        await File.WriteAllTextAsync(
            Path.Combine(simple, "local-pkg", "index.html"),
            """<html><body><a href="../../files/local_pkg-0.2-py3-none-any.whl#sha256=abcd" data-requires-python="&gt;=3.8">w</a><a href="local-pkg-0.1.tar.gz">s</a></body></html>""");
        var index = new IndexSource(IndexSourceKind.Simple, new Uri(simple).AbsoluteUri);
        var client = Client();

        var found = await Get(client, new IndexQuery(index, "Local_Pkg"));
        var missing = await Get(client, new IndexQuery(index, "other"));

        Assert.Equal(IndexAnswerKind.Found, found.Kind);
        Assert.Equal(
            [
                new IndexFile("local_pkg-0.2-py3-none-any.whl", new Uri(Path.Combine(CacheDir, "tree", "files", "local_pkg-0.2-py3-none-any.whl")).AbsoluteUri, ">=3.8", false, null, null, null) { Hashes = new Dictionary<string, string> { ["sha256"] = "abcd" } },
                new IndexFile("local-pkg-0.1.tar.gz", new Uri(Path.Combine(simple, "local-pkg", "local-pkg-0.1.tar.gz")).AbsoluteUri, null, false, null, null, null),
            ],
            found.Page!.Files);
        Assert.Equal((IndexAnswerKind.NotFound, null), (missing.Kind, missing.Problem));
        Assert.Empty(Server.Requests);
    }

    [Fact]
    public async Task A_local_find_links_page_reads_hash_fragments_as_digests_not_as_part_of_the_name()
    {
        var page = Path.Combine(CacheDir, "links", "wheels.html");
        Directory.CreateDirectory(Path.GetDirectoryName(page)!);
        await File.WriteAllTextAsync(page, """<a href="local_pkg-0.2-py3-none-any.whl#sha256=abcd">w</a>""");

        var file = Assert.Single((await Get(Client(), new IndexQuery(new IndexSource(IndexSourceKind.FindLinks, page), "local-pkg"))).Page!.Files);

        Assert.Equal(("local_pkg-0.2-py3-none-any.whl", new Uri(Path.Combine(CacheDir, "links", "local_pkg-0.2-py3-none-any.whl")).AbsoluteUri), (file.FileName, file.Url));
        Assert.Equal("abcd", file.Hashes!["sha256"]);
    }

    [Fact]
    public async Task Find_links_directory_lists_its_files_and_a_missing_one_is_not_found()
    {
        var directory = Path.Combine(CacheDir, "wheels");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "local_pkg-0.1-py3-none-any.whl"), "wheel");
        await File.WriteAllTextAsync(Path.Combine(directory, "other-1.0.tar.gz"), "sdist");
        var client = Client();

        var found = await Get(client, new IndexQuery(new IndexSource(IndexSourceKind.FindLinks, directory), "local-pkg"));
        var viaUri = await Get(client, new IndexQuery(new IndexSource(IndexSourceKind.FindLinks, new Uri(directory).AbsoluteUri), "local-pkg"));
        var missing = await Get(client, new IndexQuery(new IndexSource(IndexSourceKind.FindLinks, Path.Combine(CacheDir, "nowhere")), "x"));

        Assert.Equal(["local_pkg-0.1-py3-none-any.whl", "other-1.0.tar.gz"], found.Page!.Files.Select(f => f.FileName));
        Assert.Equal(new Uri(Path.Combine(directory, "other-1.0.tar.gz")).AbsoluteUri, found.Page.Files[1].Url);
        Assert.Equal(5, found.Page.Files[0].Size);
        Assert.Equal(found.Page.Files.Select(f => f.FileName), viaUri.Page!.Files.Select(f => f.FileName));
        Assert.Equal(IndexAnswerKind.NotFound, missing.Kind);
        Assert.Empty(Server.Requests);
    }
}
