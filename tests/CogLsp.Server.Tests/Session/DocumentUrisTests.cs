using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Session;
using CogLsp.Syntax.Text;

namespace CogLsp.Server.Tests.Session;

/// <summary>
/// File URIs as clients on each OS send them, read with that OS's <see cref="PathFlavor"/> (the server
/// cannot run on Windows or macOS here): the path Analysis sees, and the URI sent back, which must be the
/// one the client used.
/// </summary>
public class DocumentUrisTests
{
    public static readonly TheoryData<string, string> WindowsUris = new()
    {
        { "file:///c%3A/Users/me/cog.yaml", "c:/Users/me/cog.yaml" },          // VS Code
        { "file:///C:/Users/me/cog.yaml", "C:/Users/me/cog.yaml" },            // RFC 8089, Neovim, Helix
        { "file:///C%3A%5CUsers%5Cme%5Ccog.yaml", "C:/Users/me/cog.yaml" },    // escaped backslashes
        { "file:///C:\\Users\\me\\cog.yaml", "C:/Users/me/cog.yaml" },          // raw backslashes
        { "file:///c%3A/My%20Models/a%23b/cog.yaml", "c:/My Models/a#b/cog.yaml" },
        { "file://server/share/proj/cog.yaml", "//server/share/proj/cog.yaml" }, // UNC
        { "file:////server/share/proj/cog.yaml", "//server/share/proj/cog.yaml" },
        { "file://localhost/C:/Users/me/cog.yaml", "C:/Users/me/cog.yaml" },
    };

    [Theory]
    [MemberData(nameof(WindowsUris))]
    public void Windows_file_uris_become_drive_or_unc_paths_and_round_trip(string uri, string path)
    {
        var uris = new DocumentUris(PathFlavor.Windows);
        Assert.Equal(path, uris.ToPath(uri));
        Assert.Equal(uri, uris.ToUri(path));
    }

    [Theory]
    [InlineData("file:///c%3A/Users/me/proj/cog.yaml", "file:///c%3A/Users/me/proj/requirements.txt")]
    [InlineData("file:///C:/Users/me/proj/cog.yaml", "file:///C:/Users/me/proj/requirements.txt")]
    [InlineData("file://server/share/proj/cog.yaml", "file://server/share/proj/requirements.txt")]
    [InlineData("file:///c%3A/Users/me/proj/cog.yaml", "file:///c%3A/Users/me/proj/deps/my%20reqs.txt")]
    public void A_file_the_client_never_sent_gets_a_uri_in_the_clients_style(string opened, string sibling)
    {
        var uris = new DocumentUris(PathFlavor.Windows);
        var cogYaml = uris.ToPath(opened)!;
        var relative = sibling[(opened.LastIndexOf('/') + 1)..].Replace("%20", " ");
        Assert.Equal(sibling, uris.ToUri(PathUtil.Resolve(PathUtil.GetDirectory(cogYaml), relative)));
    }

    [Theory]
    [InlineData("C:/Users/me/requirements.txt", "file:///C:/Users/me/requirements.txt")]
    [InlineData("//server/share/requirements.txt", "file://server/share/requirements.txt")]
    public void A_windows_path_in_no_folder_the_client_sent_gets_an_rfc_8089_uri(string path, string uri) =>
        Assert.Equal(uri, new DocumentUris(PathFlavor.Windows).ToUri(path));

    [Theory]
    [InlineData("windows", "file:///c%3A/Users/Me/Proj/cog.yaml", "file:///C:/users/me/proj/cog.yaml")]
    [InlineData("macos", "file:///Users/Me/Proj/cog.yaml", "file:///users/me/proj/cog.yaml")]
    public void On_case_insensitive_systems_two_spellings_are_one_document(string flavor, string first, string second)
    {
        var uris = new DocumentUris(Flavor(flavor));
        var path = uris.ToPath(first);
        Assert.Equal(path, uris.ToPath(second));
        Assert.Equal(first, uris.ToUri(path!));
    }

    [Fact]
    public void On_linux_two_spellings_are_two_files()
    {
        var uris = new DocumentUris(PathFlavor.Linux);
        Assert.Equal("/home/Me/cog.yaml", uris.ToPath("file:///home/Me/cog.yaml"));
        Assert.Equal("/home/me/cog.yaml", uris.ToPath("file:///home/me/cog.yaml"));
        Assert.Equal("/home/me/a b/cog.yaml", uris.ToPath("file:///home/me/a%20b/cog.yaml"));
        Assert.Equal("file:///home/me/a%20b/cog.yaml", uris.ToUri("/home/me/a b/cog.yaml"));
        Assert.Equal("file:///home/Me/cog.yaml", uris.ToUri("/home/Me/cog.yaml"));
        Assert.Null(uris.ToPath("untitled:Untitled-1"));
    }

    [Theory]
    [InlineData("windows", "file:///c%3A/Users/Me/Proj/requirements.txt", "file:///C:/users/me/proj/cog.yaml")]
    [InlineData("macos", "file:///Users/Me/Proj/requirements.txt", "file:///users/me/proj/cog.yaml")]
    public void A_cog_yaml_opened_in_another_spelling_finds_its_open_requirements_file(string flavor, string requirementsUri, string cogYamlUri)
    {
        var uris = new DocumentUris(Flavor(flavor));
        var requirements = uris.ToPath(requirementsUri)!;
        var cogYaml = uris.ToPath(cogYamlUri)!;
        var workspace = WorkspaceSnapshot.Create(new InMemoryFileSystem())
            .WithOpenDocument(requirements, SourceText.From("torch==2.1.0\n"), 1)
            .WithOpenDocument(cogYaml, SourceText.From("build:\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n"), 1);
        Assert.Equal(cogYaml, Assert.Single(CogProjectLocator.FindCogYamlsUsing(workspace, requirements)));
    }

    private static PathFlavor Flavor(string name) => name switch
    {
        "windows" => PathFlavor.Windows,
        "macos" => PathFlavor.MacOs,
        _ => PathFlavor.Linux,
    };
}
