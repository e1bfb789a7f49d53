using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Tests.Workspace;

/// <summary>Paths of every OS in the '/'-separated form Analysis uses: the root of each stays a root.</summary>
public class PathUtilTests
{
    [Theory]
    [InlineData("/home/me/proj/../cog.yaml", "/home/me/cog.yaml")]
    [InlineData("/../cog.yaml", "/cog.yaml")]
    [InlineData("C:\\Users\\me\\proj\\..\\cog.yaml", "C:/Users/me/cog.yaml")]
    [InlineData("C:/Users/../../cog.yaml", "C:/cog.yaml")]
    [InlineData("//server/share/proj/../cog.yaml", "//server/share/cog.yaml")]
    [InlineData("\\\\server\\share\\proj\\cog.yaml", "//server/share/proj/cog.yaml")]
    public void Normalize_keeps_the_root(string path, string expected) => Assert.Equal(expected, PathUtil.Normalize(path));

    [Theory]
    [InlineData("//server/share/proj", "requirements.txt", "//server/share/proj/requirements.txt")]
    [InlineData("C:/Users/me", "..\\deps\\requirements.txt", "C:/Users/deps/requirements.txt")]
    [InlineData("/home/me", "D:/other.txt", "D:/other.txt")]
    public void Resolve_keeps_the_root(string directory, string relative, string expected) => Assert.Equal(expected, PathUtil.Resolve(directory, relative));
}
