using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Tests.CogYaml;
using static CogLsp.Analysis.Tests.Cog.Gpu.GpuFixture;

namespace CogLsp.Analysis.Tests.Cog;

/// <summary>
/// build.sdk_version as Cog 6110c912 judges it (COG0260, COG0261, the hover), the fix that moves a cog pin
/// from the requirements into it (REQ0517), and the installed cog (COG0510, the hover's provenance line).
/// </summary>
public sealed class CogSdkAndInstalledCogTests
{
    private const string Project = "build:\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n";

    [Fact]
    public void Sdk_version_below_the_minimum_is_Cogs_error()
    {
        var diagnostic = Assert.Single(CogYamlFixture.CheckDiagnostics("build:\n  python_version: \"3.11\"\n  sdk_version: [|\"0.15.9-rc1\"|]\n", ["COG0260"]));
        Assert.Equal("cog version 0.15.9-rc1 is below the minimum required version 0.16.0", diagnostic.Message);
    }

    [Theory]
    [InlineData("\"0.16.0\"")]
    [InlineData("\"0.16\"")]
    [InlineData("\"0.17.0-alpha1\"")]
    [InlineData("\"0.17.0a1\"")]
    [InlineData("prerelease")]
    public void Sdk_versions_Cog_accepts(string value) =>
        CogYamlFixture.CheckDiagnostics($"build:\n  python_version: \"3.11\"\n  sdk_version: {value}\n", ["COG0260", "COG0261"]);

    [Fact]
    public void Sdk_version_that_is_no_version_fails_in_pip()
    {
        var diagnostic = Assert.Single(CogYamlFixture.CheckDiagnostics("build:\n  python_version: \"3.11\"\n  sdk_version: [|latest|]\n", ["COG0261"]));
        Assert.Equal("COG0261", diagnostic.Id);
        Assert.Equal("sdk_version 'latest' is not a version: Cog asks pip for `cog==latest`, which pip refuses; write a version such as \"0.17.0\" or \"prerelease\"", diagnostic.Message);
    }

    [Theory]
    [InlineData("\"0.16.5\"", "Cog installs `cog==0.16.5` from PyPI. No `coglet`: SDKs below 0.17.0")]
    [InlineData("\"0.17.0-alpha1\"", "Cog installs `cog==0.17.0a1` from PyPI (with `--pre`), with `coglet` as its dependency")]
    [InlineData("\"0.18.0\"", "Cog installs `cog==0.18.0` from PyPI, with `coglet` as its dependency")]
    [InlineData("prerelease", "Cog installs the latest pre-release of `cog` from PyPI (`pip install --pre cog`)")]
    [InlineData("\"0.9.0\"", "Cog refuses this version (\"cog version 0.9.0 is below the minimum required version 0.16.0\")")]
    public void Sdk_version_hover_says_what_Cog_installs(string value, string expected)
    {
        var (text, _, cursor) = CogYamlFixture.Unmark($"build:\n  python_version: \"3.11\"\n  sdk_$0version: {value}\n");
        var context = new TestWorkspace().Context(text);
        var hover = new Analysis.CogYaml.CogYamlHoverProvider().GetHover(context, cursor);
        Assert.Contains(expected, hover!.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Cog_pin_moves_into_sdk_version_and_its_line_goes()
    {
        var fix = Assert.Single(Fixes([], Project + "  gpu: false\n", "numpy==1.26.4\ncog==0.17.2$0\nrich==13.0.0\n"), f => f.Title.StartsWith("Move", StringComparison.Ordinal));
        Assert.Equal("Move cog==0.17.2 to build.sdk_version in cog.yaml", fix.Title);
        Assert.Equal("numpy==1.26.4\nrich==13.0.0\n", fix.Files[TestWorkspace.RequirementsPath]);
        Assert.Equal(Project + "  gpu: false\n  sdk_version: \"0.17.2\"\n", fix.Files[TestWorkspace.CogYamlPath]);
    }

    [Fact]
    public void Cog_pin_replaces_an_existing_sdk_version_and_keeps_crlf()
    {
        var cogYaml = "build:\r\n  python_version: \"3.11\"  # py\r\n  sdk_version: '0.16.0'  # old\r\n  python_requirements: requirements.txt\r\n";
        var fix = Assert.Single(Fixes([], cogYaml, "cog==0.18.0$0\r\n"), f => f.Title.StartsWith("Move", StringComparison.Ordinal));
        Assert.Equal("", fix.Files[TestWorkspace.RequirementsPath]);
        Assert.Equal(cogYaml.Replace("'0.16.0'", "\"0.18.0\"", StringComparison.Ordinal), fix.Files[TestWorkspace.CogYamlPath]);
    }

    [Fact]
    public void A_pin_Cog_would_refuse_and_coglet_are_only_removed()
    {
        var old = Fixes([], Project, "cog==0.9.0$0\nnumpy==1.26.4");
        Assert.DoesNotContain(old, f => f.Title.StartsWith("Move", StringComparison.Ordinal));
        Assert.Equal("numpy==1.26.4", Assert.Single(old, f => f.Title == "Remove the cog line (Cog installs its own SDK)").Files[TestWorkspace.RequirementsPath]);
        var coglet = Fixes([], Project, "numpy==1.26.4\ncoglet==0.17.0$0");
        Assert.Equal("numpy==1.26.4\n", Assert.Single(coglet, f => f.Title == "Remove the coglet line (Cog installs its own SDK)").Files[TestWorkspace.RequirementsPath]);
    }

    [Fact]
    public void Cogs_warning_names_the_sdk_version_it_installs() =>
        Assert.Contains("overriding with cog==0.17.2 from PyPI",
            Assert.Single(CheckDiagnostics([], Project + "  sdk_version: \"0.17.2\"\n", "[|cog==0.16.0|]\n", "REQ0517")).Message, StringComparison.Ordinal);

    [Fact]
    public void Another_installed_cog_is_one_information_on_the_first_key()
    {
        var diagnostic = Assert.Single(CheckDiagnostics([], null, "[|build|]:\n  python_version: \"3.11\"\n", "COG0510", installedCog: "0.16.2"));
        Assert.Equal("The cog installed here is 0.16.2; these checks follow Cog 0.22.0 (commit 6110c912), so `cog build` on this machine may decide differently. Rules your cog predates: the Python 3.10 floor (0.17.0), the error for a GPU build without a torch pin (0.16.10).", diagnostic.Message);
    }

    [Theory]
    [InlineData("0.22.0")]
    [InlineData(null)]
    public void The_rules_release_or_no_cog_says_nothing(string? installed) =>
        CheckDiagnostics([], null, "build:\n  python_version: \"3.11\"\n", "COG0510", installedCog: installed);

    [Theory]
    [InlineData("cog version 0.17.2 (built 2026-02-01T10:00:00Z)\n", "0.17.2")]
    [InlineData("cog version v0.9.4\n", "0.9.4")]
    [InlineData("cog version 0.17.0-alpha3 (built x)", "0.17.0-alpha3")]
    [InlineData("cog version dev (built x)", null)]
    [InlineData("", null)]
    public void Cog_version_output_is_read(string output, string? version) =>
        Assert.Equal(version, CogReleases.ParseVersionOutput(output));

    [Fact]
    public void Hover_provenance_names_the_installed_cog() =>
        Assert.Contains("_Rules and table of Cog 6110c912 (0.22.0, 2026-08-21); the cog installed here is 0.15.1, which may decide differently._",
            Hover([], Project, "num$0py==1.26.4\n", installedCog: "0.15.1"), StringComparison.Ordinal);

    [Fact]
    public void Rules_that_arrived_in_a_release_name_it()
    {
        Assert.Contains("(since Cog 0.17.0)", Assert.Single(CogYamlFixture.CheckDiagnostics("build:\n  python_version: [|\"3.9\"|]\n", ["COG0203"])).Message, StringComparison.Ordinal);
        Assert.Contains("(since Cog 0.14.2)", Assert.Single(CogYamlFixture.CheckDiagnostics("build:\n  python_version: \"3.11\"\n  [|python_packages|]:\n    - numpy==1.26.4\n", ["COG0301"])).Message, StringComparison.Ordinal);
        Assert.Contains("(an error since Cog 0.16.10; older Cogs crashed here)",
            Assert.Single(CheckDiagnostics([], Project + "  gpu: true\n", "{|REQ0201:[|torch|]|}\n", "REQ0519")).Message, StringComparison.Ordinal);
    }
}
