using CogLsp.Analysis.Indexes;
using static CogLsp.Analysis.Tests.Indexes.IndexFixtures;

namespace CogLsp.Analysis.Tests.Indexes;

/// <summary>File names as pip's LinkEvaluator and Wheel model read them.</summary>
public sealed class PipFilesTests
{
    private static string Judge(string fileName, string project = "foo-bar", string? requiresPython = null)
    {
        var file = new IndexFile(fileName, "https://files.example/" + fileName, requiresPython, false, null, null, null);
        var e = PipFiles.Evaluate(file, Simple(), project, Py311);
        return e.Version is null ? e.Verdict.ToString() : $"{e.Verdict} {e.Version}";
    }

    [Theory]
    [InlineData("foo_bar-1.0-py3-none-any.whl", "Candidate 1.0")]
    [InlineData("Foo.Bar-1.0-1-py2.py3-none-any.whl", "Candidate 1.0")]
    [InlineData("foo_bar-1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", "Candidate 1.0")]
    [InlineData("foo_bar-1.0-cp311-cp311-win_amd64.whl", "PlatformMismatch 1.0")]
    [InlineData("foo_bar-2.0.dev1+cpu-cp311-cp311-linux_x86_64.whl", "Candidate 2.0.dev1+cpu")]
    [InlineData("foo_bar-1.0-py3-none.whl", "InvalidName")]
    [InlineData("foo_baz-1.0-py3-none-any.whl", "DifferentProject")]
    [InlineData("foo_bar-latest-py3-none-any.whl", "InvalidVersion")]
    public void Wheels(string fileName, string expected) => Assert.Equal(expected, Judge(fileName));

    [Theory]
    [InlineData("foo-bar-1.0.tar.gz", "Candidate 1.0")]
    [InlineData("foo__bar-1.0.zip", "Candidate 1.0")]
    [InlineData("FOO.BAR-1.0.tar.bz2", "Candidate 1.0")]
    [InlineData("foo-bar-1.0.tgz", "Candidate 1.0")]
    [InlineData("foo-bar-1.0-py2.7.tar.gz", "PlatformMismatch 1.0")]
    [InlineData("foo-bar-baz-1.0.tar.gz", "InvalidVersion")]
    [InlineData("foo-1.0.tar.gz", "DifferentProject")]
    [InlineData("foo-bar-.tar.gz", "InvalidName")]
    public void Sdists(string fileName, string expected) => Assert.Equal(expected, Judge(fileName));

    [Theory]
    [InlineData("foo_bar-1.0-py3.11.egg")]
    [InlineData("foo-bar-1.0.win-amd64.exe")]
    [InlineData("foo-bar-1.0.TAR.GZ")]
    [InlineData("foo-bar-1.0.tar.Z")]
    [InlineData("foo-bar")]
    [InlineData("foo-bar-1.0.msi")]
    public void Kinds_pip_skips(string fileName) => Assert.Equal("UnsupportedFormat", Judge(fileName));

    [Theory]
    [InlineData(">=3.12", "RequiresPythonMismatch 1.0")]
    [InlineData(">=3.8, <4", "Candidate 1.0")]
    [InlineData(">=3.6.*", "Candidate 1.0")]
    [InlineData("", "Candidate 1.0")]
    public void Requires_python(string requires, string expected) => Assert.Equal(expected, Judge("foo-bar-1.0.tar.gz", requiresPython: requires));

    [Fact]
    public void Build_tags_sort_by_number_then_text()
    {
        var keys = new[] { "foo-1.0-2-py3-none-any.whl", "foo-1.0-10-py3-none-any.whl", "foo-1.0-2b-py3-none-any.whl", "foo-1.0-py3-none-any.whl" }
            .Select(n => WheelFileName.TryParse(n)!.BuildKey)
            .Order()
            .ToList();
        Assert.Equal([(-1, ""), (2, ""), (2, "b"), (10, "")], keys);
    }
}
