using CogLsp.Analysis.Features;
using CogLsp.Analysis.Requirements;

namespace CogLsp.Analysis.Tests.Requirements;

/// <summary>Hover, completion, outline, links and folding on requirements files.</summary>
public sealed class RequirementsFeatureTests
{
    private static HoverResult? CheckHover(string markup, params string[] expectedParts)
    {
        var (text, spans, cursor) = Markup.Parse(markup);
        var hover = new RequirementsHoverProvider().GetHover(new RequirementsTestWorkspace().Context(text), cursor);
        if (expectedParts.Length == 0)
        {
            Assert.Null(hover);
            return null;
        }

        Assert.NotNull(hover);
        foreach (var part in expectedParts)
        {
            Assert.Contains(part, hover.Markdown);
        }

        Assert.Equal(spans.Single(), hover.Span);
        return hover;
    }

    [Fact]
    public void Hover_on_a_requirement_describes_it_in_words()
    {
        CheckHover("[|Scikit_Le$0arn>=0.2,<0.3; python_version < '3.12' and sys_platform == 'linux'|]",
            "**Scikit_Learn** (normalized: `scikit-learn`)",
            "Version: any version ≥ 0.2 and < 0.3",
            "Only when: Python version < 3.12 and platform (sys.platform) is linux",
            "https://pypi.org/project/scikit-learn/");
        CheckHover("[|to$0rch==2.1.0|]", "Version: exactly 2.1.0");
        CheckHover("[|requests$0~=2.31.0|]", "any version ≥ 2.31.0 and < 2.32");
    }

    [Fact]
    public void Hover_on_an_option_explains_it()
    {
        CheckHover("[|--extra-in$0dex-url|] https://x/simple", "**--extra-index-url**", "Adds a package index");
        CheckHover("[|-$0r|] dev.txt", "**--requirement** (-r)");
        CheckHover("# just a comment$0");
    }

    private static List<CompletionItem> CheckCompletion(string markup, IVersionSource? versions, params string[] expectedLabels)
    {
        var (text, _, cursor) = Markup.Parse(markup);
        var items = new RequirementsCompletionProvider(versions).GetCompletions(new RequirementsTestWorkspace().Context(text), cursor).ToList();
        foreach (var label in expectedLabels)
        {
            Assert.Contains(items, i => i.Label == label);
        }

        return items;
    }

    private sealed class FakeVersions : IVersionSource
    {
        public IReadOnlyList<string> GetVersions(string normalizedName) => normalizedName == "torch" ? ["2.1.0", "2.0.1"] : [];
    }

    [Fact]
    public void Completion_of_options_and_versions()
    {
        var atStart = CheckCompletion("--ex$0", null, "--extra-index-url", "--hash", "--requirement");
        Assert.Equal(new Syntax.Text.TextSpan(0, 4), atStart[0].ReplaceSpan);
        var afterRequirement = CheckCompletion("numpy==1.0 --$0", null, "--hash", "--config-settings");
        Assert.DoesNotContain(afterRequirement, i => i.Label == "--index-url");
        var versions = CheckCompletion("Torch==$0", new FakeVersions(), "2.1.0", "2.0.1");
        Assert.Equal(new Syntax.Text.TextSpan(7, 0), versions[0].ReplaceSpan);
        Assert.Empty(CheckCompletion("numpy==$0", null));
    }

    [Fact]
    public void Outline_has_one_entry_per_requirement_include_and_option()
    {
        var context = new RequirementsTestWorkspace().Context("# header\n--index-url https://x/simple\n-r dev.txt\nnumpy>=1.0\n./dist/x-1.0-py3-none-any.whl\n");
        var outline = new RequirementsOutlineProvider().GetOutline(context).Select(o => $"{o.Kind} {o.Name} {o.Detail}").ToList();
        Assert.Equal(["Option --index-url https://x/simple", "Include --requirement dev.txt", "Package numpy >=1.0", "Package x ./dist/x-1.0-py3-none-any.whl"], outline);
    }

    [Fact]
    public void Links_to_included_files_and_urls()
    {
        var (text, spans, _) = Markup.Parse("-r [|requirements/dev.txt|]\n--index-url=[|https://x/simple|]\nfoo @ [|https://example.com/foo.zip|]\n[|git+https://github.com/a/b.git@v1#egg=b|]\n");
        var links = new RequirementsLinkProvider().GetLinks(new RequirementsTestWorkspace().Context(text)).ToList();
        Assert.Equal(spans, links.Select(l => l.Span).ToList());
        Assert.Equal("/p/requirements/dev.txt", links[0].TargetPath);
        Assert.Equal("https://x/simple", links[1].TargetUri);
        Assert.Equal("https://github.com/a/b.git", links[3].TargetUri);
    }

    [Fact]
    public void Folding_of_comment_blocks()
    {
        var context = new RequirementsTestWorkspace().Context("# one\n# two\n# three\nnumpy==1\n# lonely\nscipy==1\n  # a\r\n  # b\r\n");
        var regions = new RequirementsFoldingProvider().GetFoldingRegions(context).ToList();
        Assert.Equal([new FoldingRegion(0, 2, FoldingKind.Comment), new FoldingRegion(6, 7, FoldingKind.Comment)], regions);
    }

    [Fact]
    public void Edits_reparse_only_the_touched_lines()
    {
        var text = string.Concat(Enumerable.Range(0, 50).Select(i => $"pkg{i}=={i}.0\n"));
        var (_, before) = new RequirementsTestWorkspace().Open(text);
        var first = new Syntax.Text.TextChange(new Syntax.Text.TextSpan(0, 4), "numpy");
        var second = new Syntax.Text.TextChange(new Syntax.Text.TextSpan(text.Length + 1, 0), "scipy==1\n");
        var newText = "numpy" + text[4..] + "scipy==1\n";
        var old = RequirementsDocument.GetSyntax(before);
        var after = before.WithText(before.Text.WithChanges([first]).WithChanges([second]), 2);
        var tree = RequirementsDocument.GetSyntax(after);
        Assert.Same(tree, RequirementsDocument.GetSyntax(after));
        Assert.Equal(Syntax.Requirements.RequirementsSyntaxTree.Parse(newText).Dump(), tree.Dump());
        Assert.True(tree.CountSharedLines(old) >= 48);
    }

    [Fact]
    public void All_analyzers_share_one_parse_per_document()
    {
        var (_, document) = new RequirementsTestWorkspace().Open("numpy==1\n");
        Assert.Same(RequirementsDocument.GetSyntax(document), RequirementsDocument.GetSyntax(document));
    }
}
