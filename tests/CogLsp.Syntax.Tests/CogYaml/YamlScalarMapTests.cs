using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Tests.CogYaml;

/// <summary>
/// The map from a scalar's decoded value back to the document. Fixtures: the document with the scalar
/// of interest as the value of `a`, the value span asked for as «…» in the decoded value, and the
/// expected document span as [|…|].
/// </summary>
public sealed class YamlScalarMapTests
{
    /// <summary>The map of the first scalar value after `a:`, or of the scalar that holds <paramref name="at"/>.</summary>
    private static (YamlScalarMap Map, YamlScalar Scalar, string Text) MapOf(string text, int at = -1)
    {
        var source = SourceText.From(text);
        var document = CogYamlDocument.Parse(source);
        var scalars = document.Nodes.OfType<YamlScalar>();
        var scalar = at >= 0 ? scalars.First(s => s.Span.Contains(at)) : scalars.First(s => s.Span.Start > text.IndexOf(':', StringComparison.Ordinal));
        return (YamlScalarMap.Create(source, scalar, scalar.Value), scalar, text);
    }

    /// <summary>Checks that <paramref name="needle"/> (found in the decoded value) maps to the [|marked|] text.</summary>
    private static void Check(string marked, string needle)
    {
        var start = marked.IndexOf("[|", StringComparison.Ordinal);
        var end = marked.IndexOf("|]", StringComparison.Ordinal) - 2;
        var (map, scalar, _) = MapOf(marked.Replace("[|", "", StringComparison.Ordinal).Replace("|]", "", StringComparison.Ordinal), start);
        Assert.True(map.IsExact, $"no exact map for {scalar.Style} «{scalar.Value}»");
        var at = scalar.Value.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, $"«{needle}» is not in «{scalar.Value}»");
        Assert.Equal(TextSpan.FromBounds(start, end), map.Map(new TextSpan(at, needle.Length)));
    }

    [Theory]
    [InlineData("a: numpy[|>=1.26|]\n", ">=1.26")]
    [InlineData("a: 'it''s [|numpy|]'\n", "numpy")]
    [InlineData("a: '[|it''s|]'\n", "it's")]
    [InlineData("a: \"[|\\u003e=|]1\"\n", ">=")]
    [InlineData("a: \"x[|\\\"y\\\"|]\"\n", "\"y\"")]
    [InlineData("a: \"[|\\U0001F600|]\"\n", "\U0001F600")]
    [InlineData("a: \"tab[|\\t|]x\"\n", "\t")]
    [InlineData("a: \"numpy\\\n   [|>=1|]\"\n", ">=1")]
    [InlineData("a: numpy\n  [|>=1|]\n", ">=1")]
    [InlineData("a: 'numpy  \n\n   [|>=1|]'\n", ">=1")]
    [InlineData("a: &x !!str \"[|numpy|]\"\n", "numpy")]
    [InlineData("a: [\"numpy\", '[|scipy|]']\n", "scipy")]
    [InlineData("a: \"numpy\"\r\nb: 'x[|y|]'\r\n", "y")]
    public void Value_spans_map_to_the_written_characters(string marked, string needle) => Check(marked, needle);

    [Fact]
    public void Folded_line_break_maps_to_the_break_and_its_indentation()
    {
        var (map, scalar, _) = MapOf("a: numpy\n  >=1\n");
        Assert.Equal("numpy >=1", scalar.Value);
        Assert.Equal(TextSpan.FromBounds(8, 11), map.Map(new TextSpan(5, 1)));
    }

    [Fact]
    public void Empty_spans_land_between_characters_and_before_the_closing_quote()
    {
        var (map, _, text) = MapOf("a: \"numpy\"\n");
        Assert.Equal(new TextSpan(text.IndexOf("numpy", StringComparison.Ordinal) + 5, 0), map.Map(new TextSpan(5, 0)));
        Assert.Equal(new TextSpan(text.IndexOf('m'), 0), map.Map(new TextSpan(2, 0)));
        var (empty, _, _) = MapOf("a: \"\"\n");
        Assert.Equal(new TextSpan(4, 0), empty.Map(new TextSpan(0, 0)));
    }

    [Theory]
    [InlineData("a: |\n  numpy>=1\n")]
    [InlineData("a: >\n  numpy>=1\n")]
    [InlineData("a: ~\n")]
    public void Block_scalars_and_empty_values_map_to_the_whole_node(string text)
    {
        var (map, scalar, _) = MapOf(text);
        Assert.Equal(scalar.Span, map.Whole);
        Assert.Equal(scalar.Span, map.Map(new TextSpan(0, Math.Min(1, scalar.Value.Length))));
    }

    [Fact]
    public void A_value_the_decoder_does_not_reproduce_is_not_mapped()
    {
        // Asked to map a value other than the one written, the map refuses to guess.
        var source = SourceText.From("a: \"numpy\"\n");
        var scalar = CogYamlDocument.Parse(source).Nodes.OfType<YamlScalar>().Single(s => s.Value == "numpy");
        var map = YamlScalarMap.Create(source, scalar, "numpy2");
        Assert.False(map.IsExact);
        Assert.False(map.TryMap(new TextSpan(0, 1), out _));
        Assert.Equal(scalar.Span, map.Map(new TextSpan(0, 1)));
    }

    /// <summary>
    /// Random values written single-quoted and double-quoted (with escapes): the map is exact, and each
    /// character maps to exactly the text that encodes it.
    /// </summary>
    [Fact]
    public void Every_character_maps_to_the_text_that_encodes_it()
    {
        var random = new Random(12);
        const string alphabet = "ab1=<>.,;'\"\\ #@[]:\t\u00e9\u20ac";
        for (var round = 0; round < 300; round++)
        {
            var value = new string([.. Enumerable.Range(0, random.Next(1, 16)).Select(_ => alphabet[random.Next(alphabet.Length)])]).Trim();
            if (value.Length == 0)
            {
                continue;
            }

            var encodings = value.Select(c => c switch { '"' => "\\\"", '\\' => "\\\\", '\t' => random.Next(2) == 0 ? "\\t" : "\\u0009", '\u20ac' => "\\u20AC", _ => c.ToString() }).ToList();
            var singles = value.Select(c => c == '\'' ? "''" : c.ToString()).ToList();
            foreach (var (parts, quote) in new[] { (encodings, "\""), (singles, "'") })
            {
                var text = "a: " + quote + string.Concat(parts) + quote + "\n";
                var source = SourceText.From(text);
                var scalar = CogYamlDocument.Parse(source).Nodes.OfType<YamlScalar>().Last();
                Assert.Equal(value, scalar.Value);
                var map = YamlScalarMap.Create(source, scalar, scalar.Value);
                Assert.True(map.IsExact, text);
                for (var i = 0; i < value.Length; i++)
                {
                    Assert.Equal(parts[i], text.Substring(map.Map(new TextSpan(i, 1)).Start, map.Map(new TextSpan(i, 1)).Length));
                }
            }
        }
    }

    [Fact]
    public void Spans_outside_the_value_are_not_mapped()
    {
        var (map, scalar, _) = MapOf("a: 'numpy'\n");
        Assert.False(map.TryMap(new TextSpan(3, 5), out _));
        Assert.Equal(scalar.Span, map.Map(new TextSpan(-1, 1)));
    }
}
