using CogLsp.Analysis.CogYaml.BuildRun;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Indexes;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;
using static CogLsp.Analysis.Tests.Indexes.CogYamlIndexTests;

namespace CogLsp.Analysis.Tests.Indexes;

/// <summary>
/// The index rules, hover and fixes on the requirement arguments of `pip install` in build.run (COG0861–COG0866,
/// COG0869): pip looks each argument up on the command's own indexes, else the default one, for the image the
/// requirements were installed in. Answers are placed in the snapshot as facts.
/// </summary>
public class BuildRunIndexTests
{
    private const string Head = "build:\n  python_version: \"3.11\"\n  run:\n";

    private static string[] Demands(string cogYaml)
    {
        var (workspace, document) = Open(cogYaml, []);
        return IndexDemands.Collect(workspace, [document]).Select(q => $"{q.Source.Url} {q.Project}").ToArray();
    }

    [Fact]
    public void Each_rule_marks_the_argument_it_is_about_inside_the_shell_and_yaml_quotes()
    {
        Check(
            Head
            + "    - pip install requests[|==2.99.0|] 'numpy[|>=9|]'\n"
            + "    - \"pip install --no-deps [|reqeusts==1.0|] \\\"[|wheelsonly==1.0|]\\\"\"\n"
            + "    - 'pip install urllib3[|==2.0.0|] \"[|sdistonly==1.0|]\"'\n",
            null,
            "COG0861 '==2.99.0': requests: no consulted index lists version 2.99.0 (nearest: 2.32.3)",
            "COG0863 '>=9': numpy: no version on the index satisfies '>=9' (newest listed: 1.26.4)",
            "COG0862 'reqeusts==1.0': reqeusts: every index pip reads here answered that it has no such package (https://pypi.org/simple/)",
            "COG0864 'wheelsonly==1.0': wheelsonly 1.0: no file installs on CPython 3.11 on Linux x86_64 (glibc 2.41): only wheels for other Pythons or platforms (e.g. wheelsonly-1.0-cp311-cp311-win_amd64.whl) and no source archive",
            "COG0865 '==2.0.0': urllib3 2.0.0 was yanked from the index: \"broken\"",
            "COG0866 'sdistonly==1.0': sdistonly 1.0 has no wheel for CPython 3.11 on Linux x86_64 (glibc 2.41): pip builds it from source in the image");
    }

    [Fact]
    public void An_index_that_did_not_answer_leaves_one_note() =>
        Check(
            Head + "    - pip install [|requests==2.31.0|]\n",
            [.. PyPIAnswers.Where(a => a.Query.Project != "requests"), Unavailable(PyPI, "requests")],
            "COG0869 'requests==2.31.0': Could not check requests against the package index: https://pypi.org/simple/: timed out");

    [Theory]
    [InlineData("pip install requests==2.31.0", "https://pypi.org/simple/ requests")]
    [InlineData("pip install -i https://mirror.example/simple requests==2.31.0", "https://mirror.example/simple requests")]
    [InlineData("python -m pip install --extra-index-url=https://mirror.example/simple requests==2.31.0 --pre", "https://pypi.org/simple/ requests|https://mirror.example/simple requests")]
    [InlineData("pip3 install --no-index -f https://mirror.example/links.html requests==2.31.0", "https://mirror.example/links.html ")]
    [InlineData("pip install --index-url https://a.example/simple --index-url https://mirror.example/simple requests", "https://mirror.example/simple requests")]
    public void The_command_s_own_index_options_decide_where_pip_looks(string command, string expected) =>
        Assert.Equal(expected.Split('|'), Demands(Head + "    - " + command + "\n"));

    [Theory]
    [InlineData("uv pip install requests==2.31.0")]
    [InlineData("pip install -r requirements-extra.txt requests==2.31.0")]
    [InlineData("pip install --index-url $MIRROR requests==2.31.0")]
    [InlineData("pip install \"requests==$VERSION\"")]
    [InlineData("pip install --no-index requests==2.31.0")]
    [InlineData("pip uninstall -y requests")]
    public void Commands_whose_sources_are_not_known_here_are_not_looked_up(string command) =>
        Assert.Empty(Demands(Head + "    - " + command + "\n"));

    [Fact]
    public void A_package_the_requirements_pin_at_an_allowed_version_is_not_asked_for_again()
    {
        const string head = "build:\n  python_version: \"3.11\"\n  python_packages:\n    - requests==2.31.0\n  run:\n";
        var kept = Open(head + "    - pip install 'requests>=2'\n");
        Assert.Empty(BuildRunIndexLookups.For(kept.Workspace, kept.Document));
        var upgraded = Open(head + "    - pip install 'requests>=2' --upgrade\n");
        Assert.Equal("requests >=2", Assert.Single(BuildRunIndexLookups.For(upgraded.Workspace, upgraded.Document)) is var l ? $"{l.Project} {l.Specifier}" : null);
    }

    [Theory]
    [InlineData("    - pip install requests==2.99.0 numpy\n", "    - pip install requests==2.32.3 numpy\n")]
    [InlineData("    - pip install 'requests==2.99.0'  # pinned\n", "    - pip install 'requests==2.32.3'  # pinned\n")]
    [InlineData("    - \"pip install \\\"requests ==2.99.0\\\"\"\n", "    - \"pip install \\\"requests ==2.32.3\\\"\"\n")]
    public void A_missing_pin_is_replaced_with_the_nearest_listed_version(string item, string expected)
    {
        var fix = Assert.Single(Fixes(Head + item, "COG0861"));
        Assert.Equal(Head + expected, Apply(Head + item, fix));
    }

    [Fact]
    public void A_range_argument_can_be_pinned_to_what_pip_installs_in_the_image()
    {
        const string text = Head + "    - pip install 'requests>=2.0'\n";
        var fix = Assert.Single(Fixes(text, "COG0821"), f => f.Title.Contains("what pip installs", StringComparison.Ordinal));
        Assert.Equal("Pin requests==2.32.3 (what pip installs in the image)", fix.Title);
        Assert.Equal(Head + "    - pip install 'requests==2.32.3'\n", Apply(text, fix));
    }

    [Theory]
    [InlineData("    - pip install 'requests==$0' numpy\n", "", "2.33.0rc1|2.32.3|2.31.0")]
    [InlineData("    - \"pip install requests~=2.3$0\"\n", "2.3", "2.33.0rc1|2.32.3|2.31.0")]
    [InlineData("    - pip install -i https://mirror.example/simple 'requests>=$0'\n", "", "9.0")]
    public void Versions_are_completed_from_the_command_s_indexes(string item, string typed, string expected)
    {
        var (text, _, cursor) = Markup.Parse(Head + item);
        var (workspace, document) = Open(text, [.. PyPIAnswers, Page(Mirror, "requests", "requests-9.0-py3-none-any.whl")]);
        var context = new FeatureContext(workspace, document, default);
        var versions = LanguageServices.CreateDefault().CompletionProviders.Where(p => p.Kind == DocumentKind.CogYaml)
            .SelectMany(p => p.GetCompletions(context, cursor)).Where(c => c.Kind == CompletionKind.Value).ToList();
        Assert.Equal(expected.Split('|'), versions.Select(c => c.Label));
        Assert.All(versions, c => Assert.Equal(new TextSpan(cursor - typed.Length, typed.Length), c.ReplaceSpan));
    }

    [Fact]
    public void Inlay_hints_stand_after_the_run_command_as_written()
    {
        const string marked = Head + "    - \"pip install 'requests>=2.0' urllib3==2.0.2\"$0  # tools\n";
        var end = marked.IndexOf("$0", StringComparison.Ordinal);
        var text = marked.Replace("$0", "", StringComparison.Ordinal);
        var (workspace, document) = Open(text);
        var context = new FeatureContext(workspace, document, default);
        var hints = LanguageServices.CreateDefault().InlayHintProviders.Where(p => p.Kind == DocumentKind.CogYaml)
            .SelectMany(p => p.GetInlayHints(context, new TextSpan(0, text.Length))).ToList();
        Assert.Equal([$"→ 2.32.3 @{end}"], hints.Select(h => $"{h.Label} @{h.Offset}"));
    }

    [Fact]
    public void The_argument_hover_ends_with_what_pip_picks_in_the_image()
    {
        var (text, _, cursor) = Markup.Parse(Head + "    - pip install 'requ$0ests>=2.0'\n");
        var (workspace, document) = Open(text);
        var hover = new BuildRunHoverProvider(ProjectCogConfigProvider.Instance, new FixedClock(Now)).GetHover(new FeatureContext(workspace, document, default), cursor)!;
        Assert.EndsWith(
            "\n\n---\n\n**pip in the image** (CPython 3.11 on Linux x86_64 (glibc 2.41))\n\n"
            + "- installs **2.32.3**\n- file: `requests-2.32.3-py3-none-any.whl`\n- from: https://pypi.org/simple/\n- uploaded: 2024-05-29\n- not yanked\n"
            + "- https://pypi.org/simple/: listed, from the cache (5 min old)\n",
            hover.Markdown);
    }
}
