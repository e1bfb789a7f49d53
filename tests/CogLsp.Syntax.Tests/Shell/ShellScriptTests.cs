using CogLsp.Syntax.Shell;

namespace CogLsp.Syntax.Tests.Shell;

/// <summary>
/// ShellScript splits a build.run command as /bin/sh does. Each expectation renders the commands as
/// `assignments | words | redirections ⟨terminator⟩`, words after quote removal, joined by `·`.
/// </summary>
public sealed class ShellScriptTests
{
    private static string Render(string text)
    {
        var script = ShellScript.Parse(text);
        // Invariant: every character of every word stands where its offset says.
        foreach (var word in script.Commands.SelectMany(c => c.Assignments.Concat(c.Words).Concat(c.Redirects.Select(r => r.Target).OfType<ShellWord>())))
        {
            Assert.Equal(word.Value.Length, word.Offsets.Length);
            for (var i = 0; i < word.Value.Length; i++)
            {
                Assert.Equal(word.Value[i], text[word.Offsets[i]]);
            }
        }

        return string.Join(" ", script.Commands.Select(c =>
            $"{string.Join("·", c.Assignments.Select(w => w.Value))}|{string.Join("·", c.Words.Select(w => w.Value))}|{string.Join("·", c.Redirects.Select(r => r.Operator + r.Target?.Value))}⟨{c.Terminator.Replace("\n", "\\n", StringComparison.Ordinal)}⟩"));
    }

    [Theory]
    [InlineData("pip install torch==2.4.1 torchvision==0.19.1 --index-url https://download.pytorch.org/whl/cu121",
        "|pip·install·torch==2.4.1·torchvision==0.19.1·--index-url·https://download.pytorch.org/whl/cu121|⟨⟩")]
    [InlineData("ln -sf $(which echo) $(which pip)", "|ln·-sf·$(which echo)·$(which pip)|⟨⟩")]
    [InlineData("apt-get update && pip install 'numpy>=1.26' \"scipy<2\"", "|apt-get·update|⟨&&⟩ |pip·install·numpy>=1.26·scipy<2|⟨⟩")]
    [InlineData("PIP_NO_CACHE_DIR=1 A='x y' pip install a", "PIP_NO_CACHE_DIR=1·A=x y|pip·install·a|⟨⟩")]
    [InlineData("a || b; c | d & e", "|a|⟨||⟩ |b|⟨;⟩ |c|⟨|⟩ |d|⟨&⟩ |e|⟨⟩")]
    [InlineData("pip install a \\\n  b\nc", "|pip·install·a·b|⟨\\n⟩ |c|⟨⟩")]
    [InlineData("echo a\\ b \"c\\\"d\" 'e\\f' \"$HOME/x\"", "|echo·a b·c\"d·e\\f·$HOME/x|⟨⟩")]
    [InlineData("pip install numpy>=1.26", "|pip·install·numpy|>=1.26⟨⟩")]
    [InlineData("pip install x 2>/dev/null >> log.txt", "|pip·install·x|2>/dev/null·>>log.txt⟨⟩")]
    [InlineData("(cd /tmp && pip install x)", "|cd·/tmp|⟨&&⟩ |pip·install·x|⟨)⟩")]
    [InlineData("pip install x # pip install y", "|pip·install·x|⟨⟩")]
    [InlineData("pip install \"$(cat reqs | grep torch)\" `echo b`", "|pip·install·$(cat reqs | grep torch)·`echo b`|⟨⟩")]
    [InlineData("echo x > $(which pip)", "|echo·x|>$(which pip)⟨⟩")]
    [InlineData("", "")]
    [InlineData("  ;; && ", "")]
    public void Splits_as_the_shell_does(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("pip install 'numpy>=1.26", 12)]
    [InlineData("pip install \"numpy", 12)]
    [InlineData("pip install $(which pip", 12)]
    [InlineData("echo `date", 5)]
    public void Unterminated_quotes_are_errors_and_the_word_runs_to_the_end(string text, int errorAt)
    {
        var script = ShellScript.Parse(text);
        Assert.Equal(errorAt, Assert.Single(script.Errors).Span.Start);
        var last = script.Commands[^1].Words[^1];
        Assert.Equal(text.Length, last.Span.End);
    }

    [Fact]
    public void Value_spans_map_back_through_quotes()
    {
        const string text = "pip install \"numpy>=1.26\"";
        var word = ShellScript.Parse(text).Commands[0].Words[2];
        var span = word.MapValueSpan(new Syntax.Text.TextSpan(5, 6));
        Assert.Equal(">=1.26", text.Substring(span.Start, span.Length));
        Assert.True(word.IsWrittenAsIs(new Syntax.Text.TextSpan(0, word.Value.Length)));
        var escaped = ShellScript.Parse("pip install num\\py").Commands[0].Words[2];
        Assert.False(escaped.IsWrittenAsIs(new Syntax.Text.TextSpan(0, escaped.Value.Length)));
    }
}
