using System.Text;
using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Tests.CogYaml;

public sealed class CogYamlDocumentTests
{
    private static CogYamlDocument Parse(string text) => CogYamlDocument.Parse(SourceText.From(text));

    /// <summary>Checks that the scalar with value <paramref name="value"/> covers the text marked [|…|] and has <paramref name="style"/>.</summary>
    private static void CheckScalar(string marked, string value, YamlScalarStyle style)
    {
        var (text, spans, _) = Markup.Parse(marked);
        var document = Parse(text);
        Assert.Empty(document.Errors);
        var scalar = document.Nodes.OfType<YamlScalar>().Single(s => s.Value == value);
        Assert.Equal(spans.Single(), scalar.Span);
        Assert.Equal(style, scalar.Style);
    }

    [Theory]
    [InlineData("build:\n  python_version: [|3.10|]\n", "3.10", YamlScalarStyle.Plain)]
    [InlineData("build:\n  python_version: [|'3.10'|]\n", "3.10", YamlScalarStyle.SingleQuoted)]
    [InlineData("build:\r\n  gpu: true\r\n  python_version: [|\"3.11\"|]\r\n", "3.11", YamlScalarStyle.DoubleQuoted)]
    [InlineData("run: [|predict.py:Predictor|]  # comment\n", "predict.py:Predictor", YamlScalarStyle.Plain)]
    [InlineData("a: [|\"é😀x\"|]\n", "é😀x", YamlScalarStyle.DoubleQuoted)]
    [InlineData("a:\u2028  b: 1\nc: [|d|]\n", "d", YamlScalarStyle.Plain)]
    public void Scalars_keep_span_and_style(string marked, string value, YamlScalarStyle style) => CheckScalar(marked, value, style);

    [Fact]
    public void Block_scalars_keep_style()
    {
        var document = Parse("a: |\n  x\nb: >\n  y\n");
        var scalars = document.Nodes.OfType<YamlScalar>().ToDictionary(s => s.Value);
        Assert.Equal(YamlScalarStyle.Literal, scalars["x\n"].Style);
        Assert.Equal(YamlScalarStyle.Folded, scalars["y\n"].Style);
    }

    [Fact]
    public void Mapping_entries_and_sequence_items_are_positioned()
    {
        var text = "build:\n  system_packages:\n    - git\n    - ffmpeg\npredict: p.py:P\n";
        var document = Parse(text);
        var root = Assert.IsType<YamlMapping>(document.Root);
        Assert.Equal(["build", "predict"], root.Entries.Select(e => e.KeyText));
        var build = Assert.IsType<YamlMapping>(root.Find("build")!.Value);
        var packages = Assert.IsType<YamlSequence>(build.Find("system_packages")!.Value);
        Assert.Equal(["git", "ffmpeg"], packages.Items.Cast<YamlScalar>().Select(s => s.Value));
        Assert.Equal("ffmpeg", text.Substring(packages.Items[1].Span.Start, packages.Items[1].Span.Length));
        Assert.Equal("- git\n    - ffmpeg", text.Substring(packages.Span.Start, packages.Span.Length));
        Assert.Equal(1, build.Depth);
    }

    [Fact]
    public void Empty_value_is_a_null_scalar()
    {
        var root = Assert.IsType<YamlMapping>(Parse("build:\n").Root);
        var value = Assert.IsType<YamlScalar>(root.Entries[0].Value);
        Assert.True(value.IsNull);
    }

    [Fact]
    public void Broken_yaml_gives_partial_model_and_error_position()
    {
        var text = "build:\n  gpu: true\n  python_version: \"3.11\n";
        var document = Parse(text);
        var error = Assert.Single(document.Errors);
        Assert.Equal(YamlErrorKind.Syntax, error.Kind);
        var root = Assert.IsType<YamlMapping>(document.Root);
        var build = Assert.IsType<YamlMapping>(root.Find("build")!.Value);
        Assert.Equal("true", Assert.IsType<YamlScalar>(build.Find("gpu")!.Value).Value);
    }

    [Fact]
    public void Unclosed_flow_sequence_reports_where_parser_gave_up()
    {
        var text = "a: [1, 2\n";
        var document = Parse(text);
        var error = Assert.Single(document.Errors);
        Assert.True(error.Span.Start >= text.IndexOf('2', StringComparison.Ordinal));
        var seq = Assert.IsType<YamlSequence>(Assert.IsType<YamlMapping>(document.Root).Entries[0].Value);
        Assert.Equal(2, seq.Items.Length);
    }

    [Fact]
    public void Tab_indentation_is_a_syntax_error_on_its_line()
    {
        var text = "build:\n\tgpu: true\n";
        var document = Parse(text);
        var error = Assert.Single(document.Errors);
        Assert.Contains("tab", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Duplicate_keys_are_reported_not_thrown()
    {
        var document = Parse("build:\n  gpu: true\n  gpu: false\n");
        var duplicate = Assert.Single(document.DuplicateKeys);
        Assert.Equal("gpu", duplicate.Duplicate.KeyText);
        Assert.True(duplicate.First.Key.Span.Start < duplicate.Duplicate.Key.Span.Start);
    }

    [Fact]
    public void Aliases_point_at_their_anchor_and_merge_keys_are_kept()
    {
        var document = Parse("base: &b\n  gpu: true\nbuild:\n  <<: *b\n  python_version: '3.11'\n");
        var root = Assert.IsType<YamlMapping>(document.Root);
        var build = Assert.IsType<YamlMapping>(root.Find("build")!.Value);
        Assert.True(build.Entries[0].IsMergeKey);
        var alias = Assert.IsType<YamlAlias>(build.Entries[0].Value);
        Assert.Same(root.Find("base")!.Value, alias.Target);
    }

    [Fact]
    public void Unknown_alias_is_an_error_with_a_model()
    {
        var document = Parse("a: *nothing\n");
        Assert.NotNull(document.Root);
        Assert.NotEmpty(document.Errors);
    }

    [Fact]
    public void Alias_bomb_is_measured_without_expanding()
    {
        var sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 30; i++)
        {
            sb.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        }

        var document = Parse(sb.ToString());
        Assert.Empty(document.Errors);
        Assert.Equal(CogYamlDocument.ExpansionCap, document.ExpandedNodeCount);
        Assert.True(document.Nodes.Length < 1000);
    }

    [Fact]
    public void Deep_nesting_is_bounded()
    {
        var depth = 10_000;
        var flow = new string('[', depth) + new string(']', depth);
        var document = Parse("a: " + flow + "\n");
        Assert.Contains(document.Errors, e => e.Kind == YamlErrorKind.TooDeep);
        Assert.True(document.Nodes.Max(n => n.Depth) <= CogYamlDocument.MaxDepth);

        var block = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            block.Append(' ', i).Append("k:\n");
        }

        var deepBlock = Parse(block.ToString());
        Assert.NotNull(deepBlock.Root);
        Assert.True(deepBlock.Nodes.Max(n => n.Depth) <= CogYamlDocument.MaxDepth);
    }

    [Fact]
    public void Large_file_parses()
    {
        var sb = new StringBuilder("build:\n  python_packages:\n");
        while (sb.Length < 10 * 1024 * 1024)
        {
            sb.Append("    - package-name-").Append(sb.Length).Append("==1.0\n");
        }

        var document = Parse(sb.ToString());
        Assert.Empty(document.Errors);
        Assert.IsType<YamlMapping>(document.Root);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("---\n")]
    [InlineData("\uFFFD\uFFFD: \uFFFD\n")]
    [InlineData("build:\n  python_version: \"3.1")]
    [InlineData("build: [")]
    [InlineData("build: {a: ")]
    [InlineData("? [a, b]\n: c\n")]
    [InlineData("- a\n- b: c\n")]
    [InlineData("a: &x\n  b: *x\n")]
    [InlineData("&a [*a]")]
    [InlineData("!!binary a: b")]
    [InlineData("%YAML 1.1\n---\na: 1\n")]
    [InlineData("a: 1\n---\nb: 2\n")]
    [InlineData("\"\\u12")]
    [InlineData("a:\n  - b\n c: d\n")]
    public void Broken_inputs_never_throw(string text)
    {
        var document = Parse(text);
        Assert.NotNull(document);
        foreach (var node in document.Nodes)
        {
            Assert.InRange(node.Span.Start, 0, text.Length);
            Assert.InRange(node.Span.End, node.Span.Start, text.Length);
        }
    }

    [Fact]
    public void Second_document_is_noted()
    {
        var document = Parse("a: 1\n---\nb: 2\n");
        Assert.NotNull(document.ExtraDocument);
        Assert.Equal(["a"], Assert.IsType<YamlMapping>(document.Root).Entries.Select(e => e.KeyText));
    }

    [Fact]
    public void Comments_are_kept()
    {
        var text = "# top\nbuild:  # here\n  gpu: true\n";
        var document = Parse(text);
        Assert.Equal(["# top", "# here"], document.Comments.Select(c => text.Substring(c.Start, c.Length)));
    }

    [Fact]
    public void Find_path_reaches_the_scalar_under_the_cursor()
    {
        var text = "build:\n  python_version: \"3.11\"\n";
        var document = Parse(text);
        var path = document.FindPath(text.IndexOf("3.11", StringComparison.Ordinal));
        Assert.Equal("3.11", Assert.IsType<YamlScalar>(path[^1]).Value);
        Assert.Equal(3, path.Length);
    }

    /// <summary>Checks that the document's only error covers the text marked [|…|] and its message mentions <paramref name="about"/>.</summary>
    private static void CheckError(string marked, string about)
    {
        var start = marked.IndexOf("[|", StringComparison.Ordinal);
        var text = marked.Replace("[|", "").Replace("|]", "");
        var end = marked.IndexOf("|]", StringComparison.Ordinal) - 2;
        var error = Assert.Single(Parse(text).Errors);
        Assert.Equal(YamlErrorKind.Syntax, error.Kind);
        Assert.Equal(TextSpan.FromBounds(start, end), error.Span);
        Assert.Contains(about, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("build:\n[|\t|]python_version: \"3.11\"\n", "tab")]
    [InlineData("a:\n[|\t|]- b\n", "tab")]
    [InlineData("a: |\n[|\t|]x\n", "tab")]
    [InlineData("build:\n  gpu: true\n[|\t|]python_version: \"3.11\"\n", "tab")]
    [InlineData("- a\n[|\t|]- b\n", "tab")]
    [InlineData("key: value\n[|\t|]\n", "tab")]
    public void A_tab_error_marks_the_tab(string marked, string about) => CheckError(marked, about);

    /// <summary>A quoted scalar that runs into trouble on a later line was most likely never closed: the span starts at its quote.</summary>
    [Theory]
    [InlineData("a: [|\"x\n|]y\"\n", "indentation")]
    [InlineData("a: [|\"x\n|]---\n", "document indicator")]
    [InlineData("build:\n  python_version: [|\"3.11\n  |]gpu: true\n", "indentation")]
    public void An_unclosed_quote_is_marked_from_its_quote(string marked, string about) => CheckError(marked, about);

    [Theory]
    [InlineData("a: [1, 2[||]\n", "']'")]
    [InlineData("a: [1,\n  2[||]\n\n", "']'")]
    [InlineData("a: {b: 1[||]\n", "'}'")]
    public void A_missing_closing_bracket_is_marked_after_the_last_written_character(string marked, string about) => CheckError(marked, about);

    [Theory]
    [InlineData("a: [|'x\n|]", "end of stream")]
    [InlineData("a: [|\"|]\\q\"\n", "escape")]
    [InlineData("a: b[|:|] c\n", "mapping")]
    [InlineData("a: b\n[|-|] c\n", "key")]
    public void Errors_already_on_their_line_keep_their_span(string marked, string about) => CheckError(marked, about);
}
