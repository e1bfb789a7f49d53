using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Tests.Requirements;

/// <summary>The syntax tree of single lines: the marked `[|…|]` spans must be exactly what the selector picks.</summary>
public sealed class RequirementsSyntaxTests
{
    private static RequirementsLine Check(string markup, Func<RequirementsLine, IEnumerable<TextSpan?>> select)
    {
        var (text, spans, _) = Markup.Parse(markup);
        var tree = RequirementsSyntaxTree.Parse(text);
        Assert.Equal(text, tree.ToFullString());
        var line = tree.Lines[0];
        Assert.Equal(spans.OrderBy(s => s.Start), select(line).Select(s => s!.Value).OrderBy(s => s.Start));
        return line;
    }

    [Fact]
    public void Name_extras_and_specifiers()
    {
        var line = Check("[|Foo_Bar|][security, socks]>=1.2,<2", l => [l.Requirement!.Name!.Span]);
        Assert.Equal("foo-bar", line.Requirement!.NormalizedName);
        Check("foo[[|security|], [|socks|]]", l => l.Requirement!.Extras.Select(e => (TextSpan?)e.Span));
        Check("numpy[|>=1.2,<2|]", l => [l.Requirement!.SpecifierListSpan]);
        Check("numpy[|>=|]1.2, [|<|]2", l => l.Requirement!.Specifiers.Select(s => (TextSpan?)s.Operator.Span));
        Check("numpy>=[|1.2|],< [|2|]", l => l.Requirement!.Specifiers.Select(s => (TextSpan?)s.Version.Span));
        Check("numpy ( [|==1.0|] )", l => [l.Requirement!.SpecifierListSpan]);
    }

    [Fact]
    public void Url_and_path_forms()
    {
        var direct = Check("foo @ [|https://example.com/foo.zip|]", l => [l.Requirement!.Location!.Span]);
        Assert.Equal(RequirementForm.Named, direct.Requirement!.Form);
        var bare = Check("[|https://example.com/foo-1.0-py3-none-any.whl|] --hash=sha256:00", l => [l.Requirement!.Location!.Span]);
        Assert.Equal(("foo", RequirementForm.Url), (bare.Requirement!.Name!.Text, bare.Requirement.Form));
        var path = Check("[|./dist/foo-1.0.tar.gz|]", l => [l.Requirement!.Location!.Span]);
        Assert.Equal(RequirementForm.Path, path.Requirement!.Form);
        var vcs = Check("-e [|git+https://github.com/a/b.git#egg=b|]", l => [l.Requirement!.Location!.Span]);
        Assert.Equal(("b", true), (vcs.Requirement!.Name!.Text, vcs.Requirement.IsEditable));
    }

    [Fact]
    public void Options_in_both_forms()
    {
        var eq = Check("[|--index-url|]=[|https://x/simple|]", l => [l.Options[0].Name.Span, l.Options[0].Value!.Span]);
        Assert.True(eq.Options[0].UsesEquals);
        Assert.Same(RequirementsOption.IndexUrl, eq.Options[0].Option);
        var spaced = Check("[|-i|] [|https://x/simple|]", l => [l.Options[0].Name.Span, l.Options[0].Value!.Span]);
        Assert.False(spaced.Options[0].UsesEquals);
        var quoted = Check("--find-links [|\"a b\"|]", l => [l.Options[0].Value!.Span]);
        Assert.Equal("a b", quoted.Options[0].Value!.Text);
        var perRequirement = Check("numpy==1.0 [|--hash|]=sha256:00 [|--hash|] sha512:11", l => l.Options.Select(o => (TextSpan?)o.Name.Span));
        Assert.Equal(RequirementsLineKind.Requirement, perRequirement.Kind);
        Check("-r[|dev.txt|]", l => [l.Options[0].Value!.Span]);
        var abbreviated = Check("[|--extra|]=https://x", l => [l.Options[0].Name.Span]);
        Assert.Same(RequirementsOption.ExtraIndexUrl, abbreviated.Options[0].Option);
    }

    [Fact]
    public void Markers_parse_with_and_binding_tighter_than_or()
    {
        var line = Check("a; [|os_name == 'nt' or python_version < '3' and extra == 'x'|]", l => [l.Requirement!.Marker!.Span]);
        var or = Assert.IsType<MarkerBooleanNode>(line.Requirement!.Marker);
        Assert.Equal("or", or.Operator.Text);
        Assert.Equal("and", Assert.IsType<MarkerBooleanNode>(or.Right).Operator.Text);
        var grouped = Check("a; ([|python_version|] >= '3.8') and 'linux' [|not in|] sys_platform", l =>
        {
            var and = (MarkerBooleanNode)l.Requirement!.Marker!;
            var left = (MarkerComparisonNode)((MarkerGroupNode)and.Left).Inner;
            return [left.Left.Span, ((MarkerComparisonNode)and.Right).Operator.Span];
        });
        Assert.True(((MarkerComparisonNode)((MarkerGroupNode)((MarkerBooleanNode)grouped.Requirement!.Marker!).Left).Inner).Left.IsVariable);
    }

    [Fact]
    public void Errors_are_data_with_exact_spans()
    {
        var line = Check("numpy[|=1.0|]", l => l.Errors.Select(e => (TextSpan?)e.Span));
        Assert.Contains("'=='", line.Errors[0].Message);
        Check("numpy; [|python_verison|] < '3'", l => l.Errors.Select(e => (TextSpan?)e.Span));
        Check("[|--bogus|]", l => l.Errors.Select(e => (TextSpan?)e.Span));
        Check("--hash=[|md5:00|]", l => l.Errors.Select(e => (TextSpan?)e.Span));
        Check("foo[|~=1|]", l => l.Errors.Select(e => (TextSpan?)e.Span));
        Check("numpy==1.0", l => l.Errors.Select(e => (TextSpan?)e.Span));
        Assert.Contains("commas", Check("numpy>=1.0 [|<|]2", l => l.Errors.Select(e => (TextSpan?)e.Span)).Errors[0].Message);
        Assert.Contains("needs a version", Check("numpy[|==|]", l => l.Errors.Select(e => (TextSpan?)e.Span)).Errors[0].Message);
    }

    [Fact]
    public void Continuations_comments_and_crlf()
    {
        var line = Check("numpy\\\r\n[|>=1.0|] [|# pinned later|]\r\n", l => [l.Requirement!.SpecifierListSpan, l.Comment!.Span]);
        Assert.Equal(2, line.PhysicalLineCount);
        Assert.Contains(line.Tokens, t => t.Kind == RequirementsTokenKind.Continuation && t.Span == new TextSpan(5, 1));
        Assert.Contains(line.Tokens, t => t.Kind == RequirementsTokenKind.LineBreak && t.Span == new TextSpan(28, 2));
        var notComment = Check("foo @ [|https://x/y.zip#egg=foo|]", l => [l.Requirement!.Location!.Span]);
        Assert.Null(notComment.Comment);

        // A comment line ends a continuation: pip joins it but then cuts it off as a comment.
        var tree = RequirementsSyntaxTree.Parse("numpy\\\n# note\npandas\n");
        Assert.Equal(2, tree.Lines.Length);
        Assert.Equal("numpy", tree.Lines[0].Requirement!.Name!.Text);
        Assert.Equal("pandas", tree.Lines[1].Requirement!.Name!.Text);
    }

    [Fact]
    public void Python_line_breaks_split_lines()
    {
        var tree = RequirementsSyntaxTree.Parse("numpy\fpandas\u2028scipy\rtorch");
        Assert.Equal(["numpy", "pandas", "scipy", "torch"], tree.Lines.Select(l => l.Requirement!.Name!.Text));
    }

    [Fact]
    public void Environment_variables_are_recorded()
    {
        Check("--index-url https://[|${USER}|]:[|${TOKEN}|]@host/simple", l => l.EnvironmentVariables.Select(e => (TextSpan?)e.Span));
    }

    [Fact]
    public void Arbitrary_equality_ends_at_a_comma_and_what_follows_is_judged()
    {
        Assert.Contains("'=='", Check("pkg===1.0,[|=1.0|]", l => l.Errors.Select(e => (TextSpan?)e.Span)).Errors[0].Message);
        Check("a===2.0.1,[|=v1.0|]", l => l.Errors.Select(e => (TextSpan?)e.Span));
        Check("a===1,[|0|]", l => l.Errors.Select(e => (TextSpan?)e.Span));
        Check("a>=1,===x,[|=2|]", l => l.Errors.Select(e => (TextSpan?)e.Span));
        var pinned = Check("a===[|1.0|],==[|2.0|]", l => l.Requirement!.Specifiers.Select(s => (TextSpan?)s.Version.Span));
        Assert.Equal(["===", "=="], pinned.Requirement!.Specifiers.Select(s => s.Operator.Text));
        Assert.Empty(pinned.Errors);

        // packaging drops empty pieces of a `===` token, and a piece may be `===` again.
        Check("a===[|x|],,>=[|2|]", l => l.Requirement!.Specifiers.Select(s => (TextSpan?)s.Version.Span));
        Check("a===[|x|],===[|y|]", l => l.Requirement!.Specifiers.Select(s => (TextSpan?)s.Version.Span));
    }
}
