using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Requirements;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.Requirements;

/// <summary>Every requirements rule, with at least one case that reports it and one that does not. Spans are marked `[|…|]`.</summary>
public sealed class RequirementsDiagnosticsTests
{
    /// <summary>The diagnostics with <paramref name="id"/> must be exactly the marked spans.</summary>
    private static IReadOnlyList<Diagnostic> Check(string markup, string id, RequirementsTestWorkspace? workspace = null, string path = RequirementsTestWorkspace.Path)
    {
        var (text, spans, _) = Markup.Parse(markup);
        var diagnostics = (workspace ?? new RequirementsTestWorkspace()).Diagnostics(text, path).Where(d => d.Id == id).ToList();
        Assert.Equal(spans, diagnostics.Select(d => d.Span).ToList());
        return diagnostics;
    }

    private static RequirementsTestWorkspace Cog() => new RequirementsTestWorkspace().With("/p/cog.yaml", RequirementsTestWorkspace.CogYamlNamingIt);

    [Fact]
    public void REQ0001_syntax_error_where_pip_fails()
    {
        var d = Check("numpy[|=1.0|]", "REQ0001");
        Assert.Contains("did you mean '=='", d[0].Message);
        Check("numpy==1.0", "REQ0001");
        Check("numpy[a [|b|]]", "REQ0001");
        Check("--pre [|\"unclosed|]", "REQ0001");
    }

    [Fact]
    public void REQ0001_comment_needs_white_space_before_the_hash()
    {
        Check("numpy==1.0 # pinned", "REQ0001");
        Check("numpy==1.0[|#pinned|]", "REQ0001");
        Check("# numpy=1\n   # also a comment", "REQ0001");
    }

    [Fact]
    public void REQ0001_lines_with_environment_variables_are_not_judged()
    {
        Check("numpy==${NUMPY_VERSION}", "REQ0001");
    }

    [Fact]
    public void REQ0002_legacy_versions_are_rejected()
    {
        Check("foo[|>=1.0.*|]", "REQ0002");
        Check("foo[|<>1|]", "REQ0002");
        Check("foo[|==custom|]", "REQ0002");
        Check("foo!=1.0.*", "REQ0002");
    }

    [Fact]
    public void REQ0003_local_project_directories()
    {
        Check("-e [|./mylib|]\n[|./other|]", "REQ0003");
        Check("-e [|./mylib|]", "REQ0003", new RequirementsTestWorkspace().With("/p/mylib/README.md", "no project here"));
        Check("-e ./mylib[dev]\n./other", "REQ0003", new RequirementsTestWorkspace().With("/p/mylib/pyproject.toml", "[project]").With("/p/other/setup.py", ""));
        Check("-e git+https://github.com/a/b#egg=b", "REQ0003");
    }

    [Fact]
    public void REQ0101_unknown_option_with_did_you_mean()
    {
        var d = Check("[|--indx-url|]=https://example.com/simple", "REQ0101");
        Assert.Contains("did you mean --index-url", d[0].Message);
        Assert.Equal(new ReplacementData("--index-url"), d[0].Data);
        Check("numpy==1.0 [|--bogus|]", "REQ0101");
        Check("--index-url=https://example.com/simple", "REQ0101");
        Check("--ind=https://example.com/simple", "REQ0101");
        Assert.Equal(new ReplacementData("--pre"), Check("[|--PRE|]", "REQ0101")[0].Data);
        Assert.Null(Check("[|-x|] foo", "REQ0101")[0].Data);
    }

    [Fact]
    public void REQ0102_ambiguous_abbreviation()
    {
        Check("[|--no|]", "REQ0102");
        Check("--no-index", "REQ0102");
    }

    [Fact]
    public void REQ0103_global_option_on_a_requirement_line()
    {
        Check("torch==2.1.0 [|--extra-index-url https://download.pytorch.org/whl/cu118|]", "REQ0103");
        Check("torch==2.1.0 --hash=sha256:0123", "REQ0103");
        Check("--extra-index-url https://download.pytorch.org/whl/cu118\ntorch==2.1.0", "REQ0103");

        // pip's line parser gives these two the finder's format control: on a requirement line they still count (for every requirement).
        Check("numpy==1.26.4 --no-binary numpy", "REQ0103");
        Check("numpy==1.26.4 --only-binary=:all:", "REQ0103");
        Check("numpy==1.26.4 [|--prefer-binary|]", "REQ0103");
    }

    [Fact]
    public void REQ0104_stray_words_after_options()
    {
        Check("--pre [|numpy|]", "REQ0104");
        Check("--pre\nnumpy==1", "REQ0104");
    }

    [Fact]
    public void REQ0201_ranges_and_unpinned_names()
    {
        var d = Check("numpy[|>=1.2,<2|]\n[|pandas|]\nscipy==1.11.4\nfoo===1.0\nbar @ https://example.com/bar.zip", "REQ0201");
        Assert.Contains("pin an exact version for reproducible builds", d[0].Message);
        Assert.Equal(new PinFixData("numpy", "numpy", ">=1.2,<2", new TextSpan(5, 8)), d[0].Data);
        Assert.Equal(new PinFixData("pandas", "pandas", string.Empty, new TextSpan(20, 0)), d[1].Data);
        Check("requests[socks] (  [|>=2.0|] )", "REQ0201");
    }

    [Fact]
    public void REQ0201_not_on_the_packages_cog_removes()
    {
        // Cog strips every cog and coglet line (any case, extras or version) before pip runs, and says so
        // (REQ0517): pip never reads them, so there is no pin to ask for. Names that merely start alike are judged.
        Check("coglet\nCog>=0.9\ncoglet[extra] <1\n[|cogs|]\n[|cog-sdk|]\n[|numpy|]", "REQ0201");
        Check("coglet\nCog>=0.9\n[|numpy|]", "REQ0201", Cog());
    }

    [Fact]
    public void REQ0201_wildcards_are_ranges()
    {
        Check("numpy[|==1.*|]", "REQ0201");
    }

    [Fact]
    public void REQ0201_across_crlf_bom_and_continuations()
    {
        Check("numpy==1.0\r\n[|pandas|]\r\n", "REQ0201");
        Check("\uFEFF[|numpy|]\n", "REQ0201");
        Check("numpy\\\n[|>=1.0|]\n", "REQ0201");
        Check("numpy\\\r\n==1.0\r\n", "REQ0201");
    }

    [Fact]
    public void REQ0202_duplicates_by_normalized_name_and_markers()
    {
        var d = Check("numpy==1.26.4\n[|NumPy|]==1.26.4\nzope.interface==6\n[|Zope_Interface|]==6", "REQ0202");
        Assert.Equal(new Syntax.Text.TextSpan(0, 5), d[0].Related[0].Span);
        Assert.Contains("line 1", d[0].Message);
        Check("numpy==1.26.4; sys_platform == 'linux'\nnumpy==1.25.0; sys_platform == 'darwin'", "REQ0202");
        Check("numpy==1.26.4; sys_platform == 'linux'\n[|numpy|]==1.25.0;sys_platform==\"linux\"", "REQ0202");
        Check("numpy==1.26.4\n[|numpy|]==1.25.0; sys_platform == 'darwin'", "REQ0202");
    }

    [Fact]
    public void REQ0203_every_requirement_needs_a_hash_in_hash_mode()
    {
        Check("a==1 --hash=sha256:00\n[|b|]==2", "REQ0203");
        Check("--require-hashes\n[|b|]==2", "REQ0203");
        Check("a==1 --hash=sha256:00\nb==2 \\\n    --hash=sha256:11", "REQ0203");
        Check("a==1\nb==2", "REQ0203");
    }

    [Fact]
    public void REQ0204_hash_mode_needs_exact_pins()
    {
        Check("a[|>=1|] --hash=sha256:00", "REQ0204");
        Check("a==1 --hash=sha256:00", "REQ0204");
    }

    [Fact]
    public void REQ0205_hash_without_requirement()
    {
        Check("[|--hash=sha256:00|]", "REQ0205");
        Check("a==1 --hash=sha256:00", "REQ0205");
    }

    [Fact]
    public void REQ0301_missing_include()
    {
        var d = Check("-r [|missing.txt|]\n-c [|../constraints.txt|]", "REQ0301");
        Assert.Contains("/constraints.txt", d[1].Message);
        Check("-r requirements/dev.txt", "REQ0301", new RequirementsTestWorkspace().With("/p/requirements/dev.txt", "pytest==8\n"));
        Check("-r https://example.com/reqs.txt", "REQ0301");
    }

    [Fact]
    public void REQ0302_include_cycle()
    {
        var workspace = new RequirementsTestWorkspace().With("/p/b.txt", "-r c.txt\n").With("/p/c.txt", "-r requirements.txt\n");
        var d = Check("-r [|b.txt|]", "REQ0302", workspace);
        Assert.Contains("requirements.txt → b.txt → c.txt → requirements.txt", d[0].Message);
        Check("-r b.txt", "REQ0302", new RequirementsTestWorkspace().With("/p/b.txt", "-r c.txt\n").With("/p/c.txt", "numpy==1\n"));
    }

    [Fact]
    public void REQ0401_file_urls()
    {
        Check("[|file:///tmp/x-1.0-py3-none-any.whl|]", "REQ0401", Cog());
        Check("file:///tmp/x-1.0-py3-none-any.whl", "REQ0401");
    }

    [Fact]
    public void REQ0402_name_at_local_path()
    {
        Check("[|pkg @ ./dist/pkg-1.0-py3-none-any.whl|]", "REQ0402", Cog());
        Check("pkg @ https://example.com/pkg-1.0-py3-none-any.whl", "REQ0402", Cog());
    }

    [Fact]
    public void REQ0403_options_on_local_artifacts()
    {
        Check("./dist/x-1.0-py3-none-any.whl [|--hash=sha256:00|]", "REQ0403", Cog().With("/p/dist/x-1.0-py3-none-any.whl", "wheel"));
        Check("./dist/x-1.0-py3-none-any.whl", "REQ0403", Cog().With("/p/dist/x-1.0-py3-none-any.whl", "wheel"));
    }

    [Fact]
    public void REQ0404_markers_on_local_artifacts()
    {
        Check("./dist/x-1.0.tar.gz; [|python_version > '3'|]", "REQ0404", Cog());
        Check("x==1.0; python_version > '3'", "REQ0404", Cog());
    }

    [Fact]
    public void REQ0405_extras_on_local_artifacts()
    {
        Check("./dist/x-1.0.tar.gz[|[cli]|]", "REQ0405", Cog());
        Check("x[cli]==1.0", "REQ0405", Cog());
    }

    [Fact]
    public void REQ0406_unsupported_local_artifacts()
    {
        Check("[|./mypackage|]\n[|./dist/x-1.0.tar|]", "REQ0406", Cog());
        Check("./dist/x-1.0.tar.gz", "REQ0406", Cog().With("/p/dist/x-1.0.tar.gz", "archive"));
    }

    [Fact]
    public void REQ0407_missing_local_artifacts()
    {
        Check("[|./dist/x-1.0-py3-none-any.whl|]", "REQ0407", Cog());
        Check("./dist/x-1.0-py3-none-any.whl", "REQ0407", Cog().With("/p/dist/x-1.0-py3-none-any.whl", "wheel"));
        Check("./dist/x-1.0-py3-none-any.whl", "REQ0407");
    }

    [Fact]
    public void REQ0408_local_artifacts_outside_the_project()
    {
        Check("[|../other/x-1.0.tar.gz|]", "REQ0408", Cog().With("/other/x-1.0.tar.gz", "archive"));
        Check("vendor/x-1.0.tar.gz", "REQ0408", Cog().With("/p/vendor/x-1.0.tar.gz", "archive"));
    }

    [Fact]
    public void REQ0409_local_includes_in_the_file_cog_reads()
    {
        Check("[|-r base.txt|]\n[|--find-links ./wheels|]", "REQ0409", Cog().With("/p/base.txt", "numpy==1\n"));
        Check("--find-links https://download.pytorch.org/whl/torch_stable.html", "REQ0409", Cog());
        Check("-r base.txt", "REQ0409", new RequirementsTestWorkspace().With("/p/base.txt", "numpy==1\n"));
    }

    [Fact]
    public void REQ0410_unknown_marker_variable()
    {
        var d = Check("numpy==1; [|python_verison|] < '3.8'", "REQ0410");
        Assert.Contains("did you mean 'python_version'", d[0].Message);
        Check("numpy==1; python_version < '3.8' and platform_machine == 'x86_64'", "REQ0410");
    }

    [Fact]
    public void REQ0411_bad_marker_operator()
    {
        Check("numpy==1; python_version [|=|] '3.8'", "REQ0411");
        Check("numpy==1; 'linux' not in sys_platform", "REQ0411");
    }

    [Fact]
    public void Every_requirements_descriptor_is_documented_and_in_range()
    {
        var descriptors = LanguageServices.CreateDefault().Analyzers.Where(a => a.Kind == CogLsp.Analysis.Workspace.DocumentKind.Requirements && a.GetType().Namespace == "CogLsp.Analysis.Requirements").SelectMany(a => a.SupportedDiagnostics).ToList();
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct().Count());
        foreach (var d in descriptors)
        {
            Assert.Matches("^REQ0[0-4][0-9][0-9]$", d.Id);
            Assert.False(string.IsNullOrWhiteSpace(d.Explanation));
            Assert.NotEqual(d.BadExample, d.GoodExample);
        }
    }

    [Fact]
    public void REQ0004_variables_cogs_build_does_not_set()
    {
        var d = Check("[|${TORCH_PACKAGE}|]==2.1.0", "REQ0004", Cog());
        Assert.Contains("${TORCH_PACKAGE}", d[0].Message);
        Check("--index-url https://[|${USER}|]:[|${TOKEN}|]@example.com/simple", "REQ0004", Cog());
        Check("torch==2.1.0\n[|${EXTRA}|]\n", "REQ0004", Cog());

        // Set by cog.yaml's environment (an empty value counts as unset: pip leaves the text), or by every image build.
        Check("${TORCH_PACKAGE}==2.1.0", "REQ0004", new RequirementsTestWorkspace().With("/p/cog.yaml", RequirementsTestWorkspace.CogYamlNamingIt + "environment:\n  - TORCH_PACKAGE=torch\n"));
        Check("[|${TORCH_PACKAGE}|]==2.1.0", "REQ0004", new RequirementsTestWorkspace().With("/p/cog.yaml", RequirementsTestWorkspace.CogYamlNamingIt + "environment:\n  - TORCH_PACKAGE=\n"));
        Check("${HOME}/wheels/foo-1.0-py3-none-any.whl", "REQ0004", Cog());

        // A file Cog's build reaches through an include counts; a file no cog.yaml installs does not, and
        // neither does text pip never expands.
        Check("[|${PKG}|]==1.0", "REQ0004", Cog().With("/p/requirements.txt", "-r extra.txt\n"), "/p/extra.txt");
        Check("${TORCH_PACKAGE}==2.1.0", "REQ0004");
        Check("torch==2.1.0 # ${TORCH_PACKAGE}", "REQ0004", Cog());
    }

    [Fact]
    public void REQ0105_pip_follows_one_include_per_line_and_drops_the_rest()
    {
        var workspace = new RequirementsTestWorkspace().With("/p/a.txt", "numpy==1\n").With("/p/b.txt", "numpy==1\n");
        var d = Check("-r a.txt [|-c b.txt|]", "REQ0105", workspace);
        Assert.Equal("pip reads only -r a.txt on this line and ignores -c b.txt; put it on a line of its own", d[0].Message);
        Check("[|-c b.txt|] -r a.txt", "REQ0105", workspace);
        Check("-r a.txt [|-r b.txt|]", "REQ0105", workspace);
        Check("--requirement=a.txt [|--pre|] [|-i https://example.com/simple|]", "REQ0105", workspace);
        Check("-c b.txt [|-c a.txt|]", "REQ0105", workspace);

        Check("-r a.txt\n-c b.txt\n--pre -i https://example.com/simple", "REQ0105", workspace);
        Check("-r a.txt --hash=sha256:00", "REQ0105", workspace);
        Check("numpy==1 -r a.txt", "REQ0105", workspace);
    }

    [Fact]
    public void REQ0301_only_the_include_pip_follows_is_looked_for()
    {
        var workspace = new RequirementsTestWorkspace().With("/p/a.txt", "numpy==1\n");
        Check("-r a.txt -c missing.txt", "REQ0301", workspace);
        Check("-c missing.txt -r a.txt", "REQ0301", workspace);
        Check("-r [|missing.txt|] -c a.txt", "REQ0301", workspace);
        Check("-c [|missing.txt|] --pre", "REQ0301", workspace);
    }
}
