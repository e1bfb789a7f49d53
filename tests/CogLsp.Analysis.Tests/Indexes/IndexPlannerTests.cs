using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Indexes;
using CogLsp.Analysis.Projects;

namespace CogLsp.Analysis.Tests.Indexes;

/// <summary>Which sources pip reads for a requirements file, written as the file and the expected sources in pip's order.</summary>
public sealed class IndexPlannerTests
{
    private static readonly IndexSettings Settings = new("https://pypi.org/simple/", "https://download.pytorch.org/whl/");

    private static string Plan(string text, IndexSettings? settings = null, Func<string, string?>? environment = null, Func<string, string>? localPath = null)
    {
        var plan = IndexPlanner.Plan(text.Split('\n'), settings ?? Settings, environment, localPath: localPath);
        var parts = plan.Sources.Select(s => (s.Kind == IndexSourceKind.FindLinks ? "links " : "index ") + s.Url).ToList();
        parts.AddRange(plan.Unreadable.Select(u => "unreadable " + u));
        if (plan.Pre)
        {
            parts.Add("pre");
        }

        if (!plan.Formats.NoBinary.IsEmpty)
        {
            parts.Add("no-binary " + string.Join(',', plan.Formats.NoBinary));
        }

        if (!plan.Formats.OnlyBinary.IsEmpty)
        {
            parts.Add("only-binary " + string.Join(',', plan.Formats.OnlyBinary));
        }

        if (plan.PreferBinary)
        {
            parts.Add("prefer-binary");
        }

        return string.Join(" | ", parts);
    }

    [Fact]
    public void A_file_without_options_reads_the_default_index() =>
        Assert.Equal("index https://pypi.org/simple/", Plan("requests==2.31.0"));

    [Fact]
    public void The_default_index_is_a_setting() =>
        Assert.Equal("index http://127.0.0.1:9/simple/", Plan("requests", new IndexSettings("http://127.0.0.1:9/simple")));

    [Fact]
    public void Extra_indexes_and_find_links_add_with_find_links_read_first() =>
        Assert.Equal(
            "links https://example.org/wheels.html | index https://pypi.org/simple/ | index https://extra.example/simple/",
            Plan("--extra-index-url https://extra.example/simple/\nrequests\n-f https://example.org/wheels.html"));

    [Fact]
    public void An_index_url_replaces_the_default_and_the_extra_indexes_read_before_it() =>
        Assert.Equal(
            "index https://private.example/simple/ | index https://late.example/simple/",
            Plan("--extra-index-url https://early.example/simple/\n-i https://private.example/simple/\n--extra-index-url=https://late.example/simple/\nrequests"));

    [Fact]
    public void A_file_that_replaces_the_index_never_queries_the_default_index()
    {
        foreach (var text in new[] { "--index-url https://private.example/simple/\ninternal-tool==1.0", "--no-index\n--find-links https://example.org/wheels.html\ninternal-tool==1.0" })
        {
            var plan = IndexPlanner.Plan(text.Split('\n'), Settings);
            Assert.DoesNotContain(plan.QueriesFor("internal-tool"), q => q.Source.Url.StartsWith(Settings.DefaultIndexUrl, StringComparison.Ordinal));
            Assert.NotEmpty(plan.Sources);
        }
    }

    [Fact]
    public void No_index_disables_every_index_for_good_but_keeps_find_links() =>
        Assert.Equal(
            "links https://example.org/wheels.html",
            Plan("--no-index\n-i https://private.example/simple/\n--extra-index-url https://extra.example/simple/\n-f https://example.org/wheels.html"));

    [Fact]
    public void Index_options_on_a_requirement_line_are_ignored_by_pip() =>
        Assert.Equal("index https://pypi.org/simple/", Plan("torch==2.1.0 --extra-index-url https://download.pytorch.org/whl/cu118"));

    [Fact]
    public void Pre_on_any_line_turns_pre_releases_on() =>
        Assert.Equal("index https://pypi.org/simple/ | pre", Plan("requests\n--pre"));

    [Fact]
    public void A_source_named_twice_is_read_once_at_its_first_place() =>
        Assert.Equal(
            "index https://pypi.org/simple/ | index https://extra.example/simple/",
            Plan("--extra-index-url https://extra.example/simple/\n--extra-index-url https://pypi.org/simple/\n--extra-index-url https://extra.example/simple/"));

    [Fact]
    public void Only_the_first_find_links_of_a_line_counts() =>
        Assert.Equal("links https://a.example/ | index https://pypi.org/simple/", Plan("-f https://a.example/ -f https://b.example/"));

    [Fact]
    public void Cogs_pytorch_index_is_redirected_by_the_setting() =>
        Assert.Equal(
            "index https://pypi.org/simple/ | index http://127.0.0.1:9/torch/cu118",
            Plan("--extra-index-url https://download.pytorch.org/whl/cu118\ntorch==2.1.0", new IndexSettings(IndexSettings.PyPI, "http://127.0.0.1:9/torch")));

    [Fact]
    public void Environment_variables_are_expanded_when_set_and_never_sent_when_not() =>
        Assert.Equal(
            "index https://pypi.org/simple/ | index https://user:secret@private.example/simple/ | unreadable https://***@other.example/simple/",
            Plan("--extra-index-url https://user:${TOKEN}@private.example/simple/\n--extra-index-url https://${UNSET}@other.example/simple/", environment: n => n == "TOKEN" ? "secret" : null));

    [Fact]
    public void Local_find_links_are_read_from_where_the_requirements_file_is() =>
        Assert.Equal(
            "links /p/wheels | links /opt/wheels | links file:///srv/links.html | index https://pypi.org/simple/",
            Plan("-f ./wheels\n-f /opt/wheels\n--find-links file:///srv/links.html\nrequests", localPath: path => CogLsp.Analysis.Workspace.PathUtil.Resolve("/p", path)));

    [Fact]
    public void A_file_index_is_read_and_other_schemes_are_not() =>
        Assert.Equal(
            "index file:///srv/simple | index https://pypi.org/simple/ | unreadable ftp://mirror.example/simple/",
            Plan("--index-url file:///srv/simple\n--extra-index-url https://pypi.org/simple/\n--extra-index-url ftp://mirror.example/simple/\nrequests", localPath: path => path));

    [Fact]
    public void Local_sources_prove_nothing_where_pip_does_not_run_on_this_machine() =>
        Assert.Equal(
            "index https://pypi.org/simple/ | unreadable ./wheels | unreadable file:///srv/simple",
            Plan("--extra-index-url file:///srv/simple\n-f ./wheels\nrequests"));

    [Fact]
    public void Format_options_combine_in_file_order_and_count_on_requirement_lines_too() =>
        Assert.Equal(
            "index https://pypi.org/simple/ | no-binary numpy | only-binary :all: | prefer-binary",
            Plan("--no-binary :all:\n--only-binary :all:\nnumpy==1.26.4 --no-binary NumPy\nscipy --prefer-binary\n--prefer-binary"));

    [Fact]
    public void None_clears_only_its_own_option_and_a_requirement_line_does_not_set_prefer_binary() =>
        Assert.Equal(
            "index https://pypi.org/simple/ | no-binary torch",
            Plan("--only-binary numpy\n--no-binary torch\n--only-binary :none:\nrequests --prefer-binary"));

    [Fact]
    public void Options_of_an_included_file_count_where_it_is_read()
    {
        var files = new Dictionary<string, string>
        {
            ["base.txt"] = "--extra-index-url https://base.example/simple/\n-c pins.txt",
            ["pins.txt"] = "--pre\n-r base.txt",
        };
        var plan = IndexPlanner.Plan(
            ["-r base.txt", "-i https://private.example/simple/", "--extra-index-url https://after.example/simple/"],
            Settings,
            readInclude: path => files.TryGetValue(path, out var text) ? text.Split('\n') : null);
        Assert.Equal(["https://private.example/simple/", "https://after.example/simple/"], plan.Sources.Select(s => s.Url));
        Assert.True(plan.Pre);
    }

    [Fact]
    public void Cogs_generated_file_carries_its_pytorch_index_and_the_python_packages_options()
    {
        var config = new CogBuildConfig
        {
            CogYamlPath = "/p/cog.yaml",
            Gpu = true,
            PythonVersion = "3.10",
            PythonPackages = ["torch==1.13.1", "--extra-index-url=https://extra.example/simple/", "requests"],
        };
        var resolution = CogResolver.Resolve(config, null);
        Assert.Equal(
            "index https://pypi.org/simple/ | index https://download.pytorch.org/whl/cu117/ | index https://extra.example/simple/",
            Plan(string.Join('\n', resolution.RequirementLines)));
    }
}
