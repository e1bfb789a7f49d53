using CogLsp.Analysis.Cog;

namespace CogLsp.Analysis.Tests.Cog;

/// <summary>Cog's version comparison, requirements reading and line parsing (after Cog's version_test.go and requirements_test.go).</summary>
public sealed class CogSyntaxTests
{
    [Theory]
    [InlineData("2.7", "2.7.1", true)]
    [InlineData("2.7.0", "2.7.1", false)]
    [InlineData("11.8", "11.8.0", true)]
    [InlineData("2.0.1+cu118", "2.0.1", true)]
    [InlineData("2.0.0rc1", "2.0.0rc1", false)]
    [InlineData("1.2.3.4", "1.2.3.4", false)]
    public void Matches(string a, string b, bool expected) => Assert.Equal(expected, CogVersion.Matches(a, b));

    [Fact]
    public void Version_comparisons()
    {
        Assert.True(CogVersion.Greater("12.10", "12.9"));
        Assert.False(CogVersion.Greater("2.0.1+cu118", "2.0.1"));
        Assert.False(CogVersion.Equal("2.0.1+cu118", "2.0.1"));
        Assert.True(CogVersion.Equal("11.8", "11.8.0"));
        Assert.False(CogVersion.GreaterOrEqual("1.13.1+cpu", "1.13.1"));
        Assert.True(CogVersion.EqualMinor("11.8", "11.8.3"));
        Assert.False(CogVersion.Matches("+11.8", "11.8"));
        Assert.Equal("1.11.0", CogVersion.StripModifier("1.11.0+cu113"));
    }

    [Theory] // TestSplitPinnedPythonRequirement
    [InlineData("package1==1.0.0", "package1", "1.0.0", "", "")]
    [InlineData("package1==1.0.0+alpha", "package1", "1.0.0+alpha", "", "")]
    [InlineData("--find-links=link1 --find-links=link2 package3==3.0.0", "package3", "3.0.0", "link1,link2", "")]
    [InlineData("package4==4.0.0 --extra-index-url=url1 --extra-index-url=url2", "package4", "4.0.0", "", "url1,url2")]
    [InlineData("-f link1 --find-links=link2 package5==5.0.0 --extra-index-url=url1 --extra-index-url=url2", "package5", "5.0.0", "link1,link2", "url1,url2")]
    [InlineData("zope.interface==5.4.0", "interface", "5.4.0", "", "")]
    public void SplitPinned(string line, string name, string version, string findLinks, string indexes)
    {
        var pinned = CogRequirementSyntax.SplitPinned(line)!;
        Assert.Equal(name, pinned.Name);
        Assert.Equal(version, pinned.Version);
        Assert.Equal(findLinks, string.Join(',', pinned.FindLinks));
        Assert.Equal(indexes, string.Join(',', pinned.ExtraIndexUrls));
    }

    [Theory]
    [InlineData("package6 --find-links=link1 --extra-index-url=url1")]
    [InlineData("invalid package")]
    [InlineData("package8==")]
    [InlineData("==8.0.0")]
    [InlineData("torch[opt]==2.0.1")]
    public void NotPinned(string line) => Assert.Null(CogRequirementSyntax.SplitPinned(line));

    [Theory] // TestParseLocalArtifactRequirement
    [InlineData("  ./dist/PKG-0.1.0-PY3-NONE-ANY.WHL  ", true, null)]
    [InlineData("pkg@1.0.tar.gz", true, null)]
    [InlineData("torch[all]==2.5.1", false, null)]
    [InlineData("https://user:pass@example.com/pkg.whl --hash=sha256:abc", false, null)]
    [InlineData("--find-links https://example.com/wheels", false, null)]
    [InlineData("-rhttps://example.com/requirements.txt", false, null)]
    [InlineData("FILE:///tmp/pkg.whl", false, "local file URL requirements are not supported: FILE:///tmp/pkg.whl")]
    [InlineData("-rrequirements-local.txt", false, "local requirements option \"-r\" is not supported: -rrequirements-local.txt")]
    [InlineData("-f./wheels", false, "local requirements option \"-f\" is not supported: -f./wheels")]
    [InlineData("./pkg.whl -f https://example.com", false, "local package artifact requirements do not support inline options or hashes: ./pkg.whl -f https://example.com")]
    [InlineData("./dist/pkg.whl; python_version < \"3.11\"", false, "environment markers are not supported on local package artifact requirements: ./dist/pkg.whl; python_version < \"3.11\"")]
    [InlineData("name@./pkg.whl", false, "local direct reference requirements (`name @ path`) are not supported; list the path directly instead: name@./pkg.whl")]
    public void LocalArtifacts(string line, bool isArtifact, string? error)
    {
        var (_, ok, actualError) = CogRequirementSyntax.ParseLocalArtifact(line);
        Assert.Equal(isArtifact, ok);
        Assert.Equal(error, actualError);
    }

    [Theory] // TestReadRequirements*, with CRLF, continuations, comments and -e .
    [InlineData("torch==2.5.1\n", "torch==2.5.1")]
    [InlineData("torch==2.5.1 \\\n  \r\ntorchvision==2.5.1", "torch==2.5.1|torchvision==2.5.1")]
    [InlineData("torch\\\n==2.5.1\r\ntorchvision==2.5.1 # vision\r\n", "torch==2.5.1|torchvision==2.5.1")]
    [InlineData("-e .\n  # c\n\n\ntorch==2.5.1", "torch==2.5.1")]
    [InlineData("# a \\\nb\nc", "c")]
    [InlineData("pkg @ https://x/y.whl#sha256=1", "pkg @ https://x/y.whl")]
    public void ReadsLikeCog(string text, string expected) =>
        Assert.Equal(expected, string.Join('|', CogRequirementsReader.Read(text).Lines.Select(l => l.Text)));

    [Fact]
    public void Positions_survive_continuations()
    {
        var line = CogRequirementsReader.Read("a\n\ntorch\\\r\n==1.0\n").Lines[1];
        Assert.Equal(2, line.FirstLine);
        Assert.Equal(3, line.LastLine);
        Assert.Equal(new CogLsp.Syntax.Text.TextSpan(3, 13), line.TextSpan);
    }

    [Fact]
    public void Too_long_line_fails() =>
        Assert.Equal("failed to open python_requirements file: bufio.Scanner: token too long", CogRequirementsReader.Read(new string('a', 70_000)).Error);

    [Fact]
    public void Versions_and_names_of_a_line()
    {
        Assert.Equal(["https://some.domain/package.whl"], CogRequirementSyntax.Versions("package @ https://some.domain/package.whl").ToArray());
        Assert.Equal(["1.0", "2.0"], CogRequirementSyntax.Versions("torch>=1.0,<2.0").ToArray());
        Assert.Equal("mypackage", CogRequirementSyntax.PackageName("mypackage==1.0.0"));
        Assert.Equal("12.8", CogResolver.CudaFromIndexUrl("https://download.pytorch.org/whl/cu128/"));
        Assert.Null(CogResolver.CudaFromIndexUrl("https://download.pytorch.org/whl/rocm6.2/"));
    }
}
