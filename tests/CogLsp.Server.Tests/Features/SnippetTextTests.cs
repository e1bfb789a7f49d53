using CogLsp.Server.Conversion;

namespace CogLsp.Server.Tests.Features;

public class SnippetTextTests
{
    [Theory]
    [InlineData("gpu: ${1:true}", "gpu: true")]
    [InlineData("cuda: \"$1\"$0", "cuda: \"\"")]
    [InlineData("python_version: \"${1|3.12,3.11|}\"", "python_version: \"3.12\"")]
    [InlineData("price: \\$5 ${2:a\\}b}", "price: $5 a}b")]
    [InlineData("build:\n  ${1:key}: ${2:value}", "build:\n  key: value")]
    public void Snippets_become_their_default_text(string snippet, string plain) => Assert.Equal(plain, SnippetText.ToPlainText(snippet));
}
