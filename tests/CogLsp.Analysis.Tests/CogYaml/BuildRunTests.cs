using CogLsp.Analysis.Features;
using CogLsp.Analysis.Tests.CodeFixes;
using static CogLsp.Analysis.Tests.CogYaml.CogYamlFixture;

namespace CogLsp.Analysis.Tests.CogYaml;

/// <summary>
/// `pip install` in build.run: the shell's reading of the command, pip's per-line rules on each
/// requirement argument (COG08xx twins), requirements the shell splits, re-installs of pinned packages
/// (Cog runs build.run after the requirements), commands that replace pip, with ranges inside the YAML string.
/// </summary>
public sealed class BuildRunTests
{
    private const string Head = "build:\n  python_version: \"3.11\"\n  run:\n";

    private static readonly string[] Rules = ["COG0801", "COG0802", "COG0821", "COG0840", "COG0841", "COG0850", "COG0851", "COG0852", "COG0853", "COG0854", "COG0860"];

    private static void Check(string items, params string[] expected) =>
        CheckDiagnostics(Head + items, expected.Length == 0 ? Rules : expected);

    // ---- The examples

    [Fact]
    public void Torch_reinstalled_over_the_requirements_pin_names_the_cuda_cog_chose()
    {
        var diagnostics = CheckDiagnostics(
            "build:\n  gpu: {|COG0500:true|}\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n  run:\n    - pip install [|torch==2.4.1|] torchvision==0.19.1 --index-url https://download.pytorch.org/whl/cu121\n",
            ["COG0850"], ("/p/requirements.txt", "numpy==1.26.4\ntorch==2.1.0\n"));
        var message = Assert.Single(diagnostics).Message;
        Assert.Contains("Cog installs `torch==2.1.0` from requirements.txt line 2 before build.run", message, StringComparison.Ordinal);
        Assert.Contains("does not allow 2.1.0", message, StringComparison.Ordinal);
        Assert.Contains("Cog chose CUDA 12.1", message, StringComparison.Ordinal);
        Assert.Contains("nvidia/cuda:12.1", message, StringComparison.Ordinal);
        Assert.Equal("/p/requirements.txt", Assert.Single(diagnostics[0].Related).Path);
    }

    [Fact]
    public void Linking_echo_over_pip_is_flagged() =>
        Check("    - pip install numpy==1.26.4\n    - [|ln -sf $(which echo) $(which pip)|]\n    - pip install scipy==1.11.4\n", "COG0860");

    [Fact]
    public void Replacing_pip_names_the_later_pip_commands()
    {
        var diagnostic = Assert.Single(CheckDiagnostics(Head + "    - [|ln -sf $(which echo) $(which pip)|]\n    - pip install scipy==1.11.4\n", ["COG0860"]));
        Assert.Contains("links `$(which echo)` over pip", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("build.run[1]", diagnostic.Message, StringComparison.Ordinal);
    }

    // ---- pip's per-line rules on the requirement arguments

    [Theory]
    [InlineData("    - pip install \"numpy[|>=1.26|]\"\n")]
    [InlineData("    - pip install 'numpy[|>=1.26|]' scipy==1.11.4\n")]
    [InlineData("    - apt-get update && pip install --no-cache-dir \"numpy[|>=1.26|]\"\n")]
    [InlineData("    - python3 -m pip install \"numpy[|~=1.26|]\"\n")]
    [InlineData("    - python -mpip install \"numpy[|>1|]\"\n")]
    [InlineData("    - pip3.11 install -q \"numpy[|>1|]\"\n")]
    [InlineData("    - /usr/local/bin/pip3 install \"numpy[|>1|]\"\n")]
    [InlineData("    - uv pip install --system \"numpy[|>1|]\"\n")]
    [InlineData("    - sudo -H pip install \"numpy[|>1|]\"\n")]
    [InlineData("    - PIP_NO_CACHE_DIR=1 env A=1 pip install \"numpy[|>1|]\"\n")]
    [InlineData("    - pip --disable-pip-version-check install \"numpy[|>1|]\"\n")]
    [InlineData("    - if true; then pip install \"numpy[|>1|]\"; fi\n")]
    public void Unpinned_arguments_are_flagged_for_every_way_of_calling_pip(string items) =>
        Check(items, "COG0821");

    [Fact]
    public void Syntax_errors_point_inside_the_argument() =>
        Check("    - pip install \"foo[|==|]\" \"numpy ; [|python_verison|] < '3.12'\"\n", "COG0801", "COG0840");

    [Fact]
    public void Bad_marker_operator_and_legacy_version() =>
        Check("    - pip install \"numpy==1.26.4; python_version [|=|] '3.11'\" 'foo[|>=1.0.*|]'\n", "COG0841", "COG0802");

    [Fact]
    public void Value_taking_options_are_not_requirements() =>
        Check("    - pip install -r requirements.txt -c constraints.txt --index-url https://x.example/simple -f https://y.example/wheels"
            + " -t /opt/site --platform manylinux2014_x86_64 --extra-index-url=https://z.example/simple -Ur more.txt --upgrade --no-deps --pre"
            + " --extra-index https://w.example/simple -i https://v.example/simple --config-settings editable_mode=compat numpy==1.26.4 -- scipy==1.11.4\n");

    [Fact]
    public void Other_commands_and_unknown_words_are_not_judged() =>
        Check("    - pip download numpy\n    - echo pip install numpy\n    - pip install $PKG \"torch==${TORCH}\" `cat pkgs`\n    - curl -L https://x.example/get-pip.py | python3\n    - pip install . ./wheels/a-1.0-py3-none-any.whl\n");

    [Fact]
    public void Every_pip_install_in_a_command_is_checked() =>
        Check("    - pip install numpy==1.26.4 && pip install \"scipy[|>=1|]\" ; python -m pip install [|pandas|]\n", "COG0821", "COG0821");

    // ---- Ranges inside the YAML string

    [Theory]
    [InlineData("    - \"pip install \\\"numpy[|>=1.26|]\\\"\"\n")]
    [InlineData("    - 'pip install ''numpy[|>=1.26|]'''\n")]
    [InlineData("    - 'pip install \"numpy[|>=1.26|]\" ''scipy[|>=1|]'''\n")]
    [InlineData("    - pip install\n      \"numpy[|>=1.26|]\"\n")]
    [InlineData("    - \"pip install \\\n      'numpy[|>=1.26|]'\"\n")]
    [InlineData("    - command: pip install 'numpy[|>=1.26|]'\n      mounts:\n        - type: secret\n          id: token\n          target: /run/secrets/token\n")]
    [InlineData("    - pip install nu\\mpy\\[|>=1|]\n")]
    public void Ranges_follow_yaml_and_shell_quoting(string items) =>
        Check(items, [.. Enumerable.Repeat("COG0821", items.Split("[|").Length - 1)]);

    [Fact]
    public void Folded_block_scalar_falls_back_to_the_whole_item() =>
        Check("    - [|>\n      pip install\n      'numpy>=1.26'\n|]", "COG0821");

    [Fact]
    public void Pre_install_commands_are_checked_too() =>
        CheckDiagnostics("build:\n  python_version: \"3.11\"\n  {|COG0302:pre_install|}:\n    - pip install 'numpy[|>=1|]'\n", ["COG0821"]);

    // ---- The shell between the YAML and pip

    [Fact]
    public void Unquoted_greater_than_is_a_redirection() =>
        Check("    - pip install [|numpy>=1.26|] scipy==1.11.4\n", "COG0851");

    [Fact]
    public void Unquoted_less_than_reads_a_missing_file() =>
        Check("    - pip install [|numpy<2|]\n", "COG0852");

    [Theory]
    [InlineData("    - pip install numpy>$0=1.26 scipy==1.11.4\n", "    - pip install 'numpy>=1.26' scipy==1.11.4\n")]
    [InlineData("    - \"pip install numpy<$02\"\n", "    - \"pip install 'numpy<2'\"\n")]
    [InlineData("    - 'pip install numpy<$02'\n", "    - 'pip install \"numpy<2\"'\n")]
    public void Quote_fix_keeps_the_shell_and_the_yaml_valid(string marked, string expected) =>
        CodeFixFixture.CheckAction(Head + marked, CodeFixFixture.ActionsAt(Head + marked).Single(a => a.Title.StartsWith("Quote the requirement", StringComparison.Ordinal)).Title, Head + expected);

    [Fact]
    public void No_quote_fix_where_yaml_escapes_are_inside() =>
        CodeFixFixture.CheckNoAction(Head + "    - \"pip install num\\x70y>$0=1\"\n", "Quote the requirement: 'numpy>=1'");

    [Theory]
    [InlineData("    - pip install [|\"|]numpy==1.26.4\n")]
    [InlineData("    - \"pip install [|'|]numpy==1.26.4\"\n")]
    [InlineData("    - pip install [|$(|]cat x\n")]
    public void Unterminated_quotes_are_shell_errors(string items) =>
        Check(items, "COG0853");

    [Fact]
    public void Unterminated_quote_still_judges_the_argument_it_runs_to() =>
        Check("    - pip install [|'|]numpy[|>=1|]\n", "COG0853", "COG0821");

    // ---- Cog refuses a command with a line break

    [Theory]
    [InlineData("    - [||\n      apt-get update\n      pip install numpy==1.26.4\n|]")]
    [InlineData("    - [|\"apt-get update\\npip install numpy==1.26.4\"|]\n")]
    [InlineData("    - command: [|'apt-get update\n\n      && pip install numpy==1.26.4'|]\n")]
    public void Line_breaks_in_a_command_stop_cog(string items) =>
        Check(items, "COG0854");

    [Theory]
    [InlineData("    - |\n      pip install numpy==1.26.4\n\n")]
    [InlineData("    - >\n      apt-get update &&\n      pip install numpy==1.26.4\n")]
    [InlineData("    - \"  pip install numpy==1.26.4\\n\"\n")]
    public void One_line_after_trimming_is_fine(string items) =>
        Check(items);

    [Fact]
    public void Each_line_of_a_multi_line_command_is_still_checked() =>
        Check("    - [|[||\n      pip install numpy==1.26.4\n      pip install 'scipy>=1'\n|]|]", "COG0821", "COG0854");

    // ---- Re-installs of pinned packages

    private const string PackagesHead = "build:\n  python_version: \"3.11\"\n  {|COG0301:python_packages|}:\n    - numpy==1.26.4\n  run:\n";

    [Fact]
    public void Another_version_of_a_python_packages_pin_is_a_reinstall()
    {
        var diagnostic = Assert.Single(CheckDiagnostics(PackagesHead + "    - pip install [|numpy==2.0.0|]\n", ["COG0850"]));
        Assert.Contains("from python_packages[0]", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CUDA", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    - pip install {|COG0821:numpy|}\n")]
    [InlineData("    - pip install \"numpy{|COG0821:>=1.26|}\"\n")]
    [InlineData("    - pip install NumPy==1.26.4\n")]
    [InlineData("    - pip install --target /opt/x numpy==2.0.0\n")]
    public void Versions_pip_keeps_are_no_reinstall(string items) =>
        CheckDiagnostics(PackagesHead + items, ["COG0850"]);

    [Theory]
    [InlineData("    - pip install -U [|{|COG0821:numpy|}|]\n")]
    [InlineData("    - pip install --upgrade \"[|numpy{|COG0821:>=1|}|]\"\n")]
    [InlineData("    - pip install --force-reinstall [|numpy==1.26.4|]\n")]
    [InlineData("    - pip install \"[|numpy{|COG0821:<1.26|}|]\"\n")]
    public void Upgrade_force_and_disallowing_ranges_are_reinstalls(string items) =>
        CheckDiagnostics(PackagesHead + items, ["COG0850"]);

    // ---- Commands that replace or remove pip

    [Theory]
    [InlineData("    - [|ln -s /bin/true /usr/local/bin/pip|]\n")]
    [InlineData("    - [|rm -f /usr/local/bin/pip3|] && echo done\n")]
    [InlineData("    - echo '#!/bin/sh' [|> /usr/local/bin/pip|]\n")]
    [InlineData("    - [|pip uninstall -y pip|]\n")]
    [InlineData("    - [|mv `which pip` /tmp/pip.bak|] ; [|cp /bin/true $(command -v pip3)|]\n")]
    public void Commands_that_replace_or_remove_pip(string items) =>
        Check(items, [.. Enumerable.Repeat("COG0860", items.Split("[|").Length - 1)]);

    [Theory]
    [InlineData("    - ln -s /opt/venv/bin/python /usr/local/bin/python\n")]
    [InlineData("    - rm -rf /root/.cache/pip\n")]
    [InlineData("    - pip install -U pip==24.2\n")]
    [InlineData("    - echo x > pip.log\n")]
    public void Commands_that_leave_pip_alone(string items) =>
        Check(items);

    // ---- Bad input

    [Theory]
    [InlineData("    - pip install \\\n")]
    [InlineData("    - \"pip install \\\"\"\n")]
    [InlineData("    - pip install -r\n")]
    [InlineData("    - pip install --index-url\n")]
    [InlineData("    - pip\n    - python -m\n    - uv pip\n    - sudo\n")]
    [InlineData("    - pip install ''\n")]
    [InlineData("    - pip install \"\\uFEFF\"\n")]
    [InlineData("    - 'pip install $((1+2)) ${X:-(} )( ;; |& >&2 <<<x 2> &> >'\n")]
    public void Odd_commands_do_not_crash(string items)
    {
        var (workspace, document) = Open(Head + items);
        var diagnostics = GetDiagnostics(Head + items);
        Assert.All(diagnostics, d => Assert.True(d.Span.End <= document.Text.Length));
        var services = LanguageServices.CreateDefault();
        for (var offset = 0; offset <= document.Text.Length; offset++)
        {
            foreach (var provider in services.HoverProviders.Where(p => p.Kind == document.Kind))
            {
                provider.GetHover(new FeatureContext(workspace, document, default), offset);
            }
        }
    }

    // ---- The documented examples

    public static TheoryData<string> DocumentedRules() => [.. CogLsp.Analysis.CogYaml.BuildRun.BuildRunDiagnostics.Rules.Select(d => d.Id)];

    /// <summary>Each rule's bad example (as the docs show it) has the rule and its good example has not; COG0850's needs the requirements file its comment names.</summary>
    [Theory]
    [MemberData(nameof(DocumentedRules))]
    public void Documented_examples_do_what_the_docs_say(string id)
    {
        var rule = CogLsp.Analysis.CogYaml.BuildRun.BuildRunDiagnostics.Rules.Single(d => d.Id == id);
        (string, string)[] Files(string example) =>
            example.StartsWith("# requirements.txt: ", StringComparison.Ordinal) ? [("/p/requirements.txt", example[20..example.IndexOf('\n', StringComparison.Ordinal)] + "\n")] : [];
        Assert.Contains(GetDiagnostics(rule.BadExample, Files(rule.BadExample)), d => d.Id == id);
        Assert.DoesNotContain(GetDiagnostics(rule.GoodExample, Files(rule.GoodExample)), d => d.Id == id);
    }

    // ---- Hovers

    [Fact]
    public void Hover_on_a_run_argument_says_when_it_runs_and_what_it_replaces()
    {
        var hover = HoverAt("build:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n  run:\n    - pip install -U \"[|tor$0ch==2.4.1|]\" --index-url https://download.pytorch.org/whl/cu121\n",
            ("/p/requirements.txt", "torch==2.1.0\n"));
        Assert.Contains("**torch**", hover.Markdown, StringComparison.Ordinal);
        Assert.Contains("**build.run[0]** · `pip install` runs after Cog has installed the requirements", hover.Markdown, StringComparison.Ordinal);
        Assert.Contains("- index: https://download.pytorch.org/whl/cu121 (instead of PyPI)", hover.Markdown, StringComparison.Ordinal);
        Assert.Contains("- `--upgrade`", hover.Markdown, StringComparison.Ordinal);
        Assert.Contains("- replaces `torch==2.1.0`", hover.Markdown, StringComparison.Ordinal);
        Assert.Contains("- Cog chose CUDA 12.1", hover.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Hover_on_a_kept_argument_says_pip_keeps_the_pin()
    {
        var hover = HoverAt(PackagesHead.Replace("{|COG0301:python_packages|}", "python_packages", StringComparison.Ordinal) + "    - python3 -m pip install '[|nu$0mpy>=1.20|]'\n");
        Assert.Contains("**build.run[0]** · `python3 -m pip install`", hover.Markdown, StringComparison.Ordinal);
        Assert.Contains("- keeps `numpy==1.26.4` from the requirements", hover.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void No_hover_on_options_or_other_commands()
    {
        Assert.Null(HoverAtOrNull(Head + "    - pip install --index-u$0rl https://x.example/simple numpy==1.26.4\n"));
        Assert.Null(HoverAtOrNull(Head + "    - echo num$0py==1.26.4\n"));
    }

    // ---- The pin fix edits inside the quotes

    [Fact]
    public void Pin_fix_replaces_the_range_inside_shell_and_yaml_quotes()
    {
        const string prefix = "Pin torch==";
        var marked = Head + "    - \"pip install 'torch>=$02.0'\"\n";
        var pin = CodeFixFixture.ActionsAt(marked).FirstOrDefault(a => a.Title.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(pin is not null, "No pin fix offered");
        var version = pin.Title[prefix.Length..pin.Title.IndexOf(' ', prefix.Length)];
        CodeFixFixture.CheckAction(marked, pin.Title, Head + $"    - \"pip install 'torch=={version}'\"\n");
    }

    [Fact]
    public void No_pin_fix_where_quotes_split_the_range() =>
        CodeFixFixture.CheckNoAction(Head + "    - pip install 'torch>'=$02.0\n", "Pin torch");

    private static HoverResult HoverAt(string marked, params (string Path, string Text)[] files) =>
        HoverAtOrNull(marked, files) ?? throw new Xunit.Sdk.XunitException("No hover");

    private static HoverResult? HoverAtOrNull(string marked, params (string Path, string Text)[] files)
    {
        var (text, spans, cursor) = Unmark(marked);
        var (workspace, document) = Open(text, files);
        var context = new FeatureContext(workspace, document, default);
        var results = LanguageServices.CreateDefault().HoverProviders.Where(p => p.Kind == document.Kind).Select(p => p.GetHover(context, cursor)).OfType<HoverResult>().ToList();
        if (results.Count == 0)
        {
            return null;
        }

        var hover = Assert.Single(results);
        if (spans.Count > 0)
        {
            Assert.Equal(spans[0], hover.Span);
        }

        return hover;
    }
}
