using CogLsp.Analysis.Features;
using CogLsp.Analysis.Tests.CodeFixes;
using CogLsp.Syntax.Text;
using static CogLsp.Analysis.Tests.CogYaml.CogYamlFixture;

namespace CogLsp.Analysis.Tests.CogYaml;

/// <summary>
/// build.python_packages items are lines of the requirements file Cog generates: pip's per-line rules
/// (COG07xx), Cog's findings (COG06xx), hovers and inlay hints apply to them, with ranges inside the
/// YAML string.
/// </summary>
public sealed class PythonPackageItemsTests
{
    private const string Head = "build:\n  python_version: \"3.11\"\n  python_packages:\n";

    /// <summary>The COG07xx twins of pip's per-line rules (written out, so these tests also run against a server without them).</summary>
    private static readonly string[] PipRules = ["COG0701", "COG0702", "COG0711", "COG0712", "COG0713", "COG0714", "COG0721", "COG0740", "COG0741"];

    /// <summary><see cref="Head"/> with the deprecation every such file gets marked, so any other unexpected diagnostic fails.</summary>
    private const string MarkedHead = "build:\n  python_version: \"3.11\"\n  {|COG0301:python_packages|}:\n";

    private static void Check(string items, params string[] expected) =>
        CheckDiagnostics(MarkedHead + items, expected.Length == 0 ? PipRules : expected);

    // ---- The examples

    [Fact]
    public void Range_item_is_not_pinned() =>
        Check("    - \"numpy[|>=1.26|]\"\n", "COG0721");

    [Fact]
    public void Pin_without_version_is_a_syntax_error() =>
        Check("    - \"foo[|==|]\"\n", "COG0701");

    [Fact]
    public void Hover_on_an_item_shows_what_cog_installs()
    {
        var hover = HoverAt(Head.Replace("3.11", "3.10", StringComparison.Ordinal) + "    - \"tor$0ch==2.1.0\"\n");
        Assert.NotNull(hover);
        Assert.Contains("**Cog installs** `torch==2.1.0`", hover.Markdown, StringComparison.Ordinal);
        Assert.Contains("- version: `2.1.0+cpu`", hover.Markdown, StringComparison.Ordinal);
        Assert.Contains("- index: https://download.pytorch.org/whl/cpu", hover.Markdown, StringComparison.Ordinal);
        Assert.Contains("- Python tag: `cp310`", hover.Markdown, StringComparison.Ordinal);
        Assert.Contains("- wheel (inferred): `torch-2.1.0%2Bcpu-cp310-cp310-linux_x86_64.whl`", hover.Markdown, StringComparison.Ordinal);
        Assert.Contains("**torch**", hover.Markdown, StringComparison.Ordinal);
    }

    // ---- Ranges inside the YAML string

    [Theory]
    [InlineData("    - numpy[|>=1.26|]\n")]
    [InlineData("    - 'numpy[|>=1.26|] ; python_version >= ''3.8'''\n")]
    [InlineData("    - \"numpy[|\\u003e=1.26|]\"\n")]
    [InlineData("    - \"nu\\x6Dpy[|>=1.26|] ; python_version >= \\\"3.8\\\"\"\n")]
    [InlineData("    - \"numpy\\\n      [|>=1.26|]\"\n")]
    [InlineData("    - numpy\n      [|>=1.26|]\n")]
    [InlineData("    - &np \"numpy[|>=1.26|]\"\n    - [|*np|]\n")]
    public void Ranges_follow_quotes_escapes_and_folding(string items) =>
        Check(items, [.. Enumerable.Repeat("COG0721", items.Split("[|").Length - 1)]);

    [Fact]
    public void Flow_list_items_are_mapped() =>
        CheckDiagnostics("build:\n  python_version: \"3.11\"\n  {|COG0301:python_packages|}: [ \"numpy[|>=1.26|]\", 'scipy==1.11.4', pandas[|<3|] ]\n", ["COG0721", "COG0721"]);

    [Fact]
    public void An_escaped_line_break_makes_two_lines_for_pip() =>
        // Cog writes the value as it is, so pip reads two lines: the pin, then an unpinned scipy.
        Check("    - \"numpy==1.26.4\\nscipy[|>=1.11|]\"\n", "COG0721");

    [Fact]
    public void Block_scalar_falls_back_to_the_whole_item() =>
        Check("    - [||\n      numpy>=1.26\n|]", "COG0721");

    [Fact]
    public void Marker_errors_point_into_single_quoted_item() =>
        Check("    - 'numpy ; [|python_verison|] < ''3.12'''\n", "COG0740");

    [Fact]
    public void Marker_cog_drops_from_a_pin_is_not_judged_for_pip()
    {
        // Cog writes only `numpy==1.26.4` (COG0611 says the marker is lost), so pip never reads the bad marker.
        Check("    - 'numpy==1.26.4{|COG0611: ; python_verison < ''3.12''|}'\n");
        CheckDiagnostics(MarkedHead + "    - 'numpy==1.26.4[| ; python_verison < ''3.12''|]'\n", ["COG0611"]);
    }

    [Fact]
    public void Items_cog_removes_are_not_judged_for_pip() =>
        // Cog strips cog and coglet from the requirements it generates and says so (COG0617): pip never reads
        // those items, whatever their version, extras or options.
        Check("    - {|COG0617:coglet|}\n    - '{|COG0617:cog>=0.9 --pre|}'\n    - \"{|COG0617:Coglet[x]==|}\"\n    - {|COG0617:coglet --extra-index-url https://x.example/simple|}\n");

    [Fact]
    public void Exact_pins_and_urls_are_clean() =>
        Check("    - numpy==1.26.4\n    - \"scipy===1.11.4\"\n    - 'pkg @ https://example.com/pkg-1.0.tar.gz'\n    - {|COG0420:git+https://github.com/org/pkg.git@v1|}\n    - \"\"\n");

    // ---- Options inside items, as Cog handles them

    [Fact]
    public void Index_option_on_a_pin_is_moved_by_cog_not_ignored_by_pip() =>
        // Cog writes `torch==1.12.1` and moves the index to a line of its own; pip never sees the option on the pin.
        // Cog's own findings stay: the first item names its index, so Cog chooses no torch build (COG0608); the
        // second gets Cog's CPU build, which has no wheel for this python_version (COG0600, COG0605).
        Check("    - \"{|COG0608:torch==1.12.1 --extra-index-url=https://download.pytorch.org/whl/cu116|}\"\n    - {|COG0600:{|COG0605:torch==1.12.1 -f https://download.pytorch.org/whl/torch_stable.html|}|}\n");

    [Fact]
    public void Option_only_items_are_option_lines() =>
        Check("    - --extra-index-url https://download.pytorch.org/whl/cu118\n    - --find-links https://example.com/wheels\n    - \"--pre -f https://example.com/wheels\"\n    - -i https://pypi.org/simple\n");

    [Fact]
    public void Misspelt_option_item_is_an_unknown_option() =>
        Check("    - \"[|--extra-index-urll|] https://x.example/simple\"\n", "COG0711");

    [Fact]
    public void Words_after_an_option_are_ignored_by_pip() =>
        Check("    - \"--pre [|numpy|]\"\n", "COG0714");

    [Fact]
    public void Index_option_on_a_range_stays_on_the_line_and_pip_ignores_it() =>
        // Without `name==version` Cog keeps the item verbatim, so pip reads the option on the requirement line.
        Check("    - \"numpy[|>=1.0|] [|--extra-index-url https://x.example/simple|]\"\n", "COG0721", "COG0713");

    // ---- Cog's findings (COG06xx) inside the string

    [Fact]
    public void Cog_findings_point_inside_the_quotes() =>
        CheckDiagnostics(MarkedHead + "    - \"[|Torch|]==2.0.1\"\n", ["COG0610"]);

    [Theory]
    [InlineData("    - \"[|git+https://github.com/org/pkg.git@v1|]\"\n")]
    [InlineData("    - 'pkg @ [|git+https://github.com/org/pkg.git|] ; python_version >= ''3.8'''\n")]
    public void Git_check_points_at_the_url_inside_the_string(string items) =>
        CheckDiagnostics("build:\n  gpu: false\n  python_version: \"3.11\"\n  {|COG0301:python_packages|}:\n" + items, ["COG0420"]);

    // ---- Hovers and inlay hints

    [Fact]
    public void Hover_on_an_option_item_explains_the_option()
    {
        var hover = HoverAt(Head + "    - \"[|--ext$0ra-index-url|] https://x.example/simple\"\n");
        Assert.Contains("**--extra-index-url**", hover!.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Hover_on_a_pin_with_an_index_shows_the_index_cog_moves_out()
    {
        var hover = HoverAt(Head + "    - \"[|tor$0ch==1.12.1|] --extra-index-url=https://download.pytorch.org/whl/cu116\"\n");
        Assert.Contains("**Cog installs** `torch==1.12.1`", hover!.Markdown, StringComparison.Ordinal);
        Assert.Contains("- index: https://download.pytorch.org/whl/cu116", hover.Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Hover_outside_items_adds_nothing() =>
        Assert.DoesNotContain("Cog installs", HoverAt(Head + "    - numpy==1.26.4\n  gp$0u: false\n")?.Markdown ?? string.Empty, StringComparison.Ordinal);

    [Fact]
    public void Inlay_hint_after_a_rewritten_item()
    {
        var (text, _, cursor) = Unmark("build:\n  gpu: true\n  python_version: \"3.10\"\n  python_packages:\n    - \"torch==2.1.0\"$0  # ml\n    - numpy==1.26.4\n");
        var (workspace, document) = Open(text);
        var context = new FeatureContext(workspace, document, default);
        var hints = LanguageServices.CreateDefault().InlayHintProviders.Where(p => p.Kind == document.Kind).SelectMany(p => p.GetInlayHints(context, new TextSpan(0, text.Length))).ToList();
        var hint = Assert.Single(hints);
        Assert.Equal(cursor, hint.Offset);
        Assert.StartsWith("→ 2.1.0+cu1", hint.Label, StringComparison.Ordinal);
    }

    // ---- The pin fix edits inside the quotes

    [Fact]
    public void Pin_fix_replaces_the_range_inside_double_quotes() =>
        CheckPinFix(Head + "    - \"torch>=$02.0\"\n", Head + "    - \"torch=={0}\"\n");

    [Fact]
    public void Pin_fix_inserts_before_the_closing_single_quote() =>
        CheckPinFix(Head + "    - 'tor$0ch'  # latest\n", Head + "    - 'torch=={0}'  # latest\n");

    [Fact]
    public void No_pin_fix_where_the_range_cannot_be_mapped() =>
        CodeFixFixture.CheckNoAction(Head + "    - |\n      tor$0ch>=2.0\n", "Pin torch");

    /// <summary>Applies the first "Pin torch==…" fix; <paramref name="expected"/> has {0} where the offered version goes.</summary>
    private static void CheckPinFix(string marked, string expected)
    {
        const string prefix = "Pin torch==";
        var pin = CodeFixFixture.ActionsAt(marked).FirstOrDefault(a => a.Title.StartsWith(prefix, StringComparison.Ordinal));
        Assert.True(pin is not null, "No pin fix offered");
        var version = pin.Title[prefix.Length..pin.Title.IndexOf(' ', prefix.Length)];
        CodeFixFixture.CheckAction(marked, pin.Title, string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, version));
    }

    private static HoverResult? HoverAt(string marked)
    {
        var (text, spans, cursor) = Unmark(marked);
        var (workspace, document) = Open(text);
        var services = LanguageServices.CreateDefault();
        var context = new FeatureContext(workspace, document, default);
        var results = services.HoverProviders.Where(p => p.Kind == document.Kind).Select(p => p.GetHover(context, cursor)).OfType<HoverResult>().ToList();
        if (spans.Count > 0)
        {
            Assert.Equal(spans[0], Assert.Single(results).Span);
        }

        return results.Count == 0 ? null : Assert.Single(results);
    }
}
