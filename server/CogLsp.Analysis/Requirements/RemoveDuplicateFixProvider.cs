using System.Collections.Immutable;
using System.Globalization;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Requirements;

/// <summary>REQ0202 (package listed twice): delete the later line, with its line break; the first one stays as written.</summary>
public sealed class RemoveDuplicateFixProvider : ICodeFixProvider
{
    public ImmutableArray<string> FixableDiagnosticIds { get; } = ["REQ0202"];

    public IEnumerable<CodeActionItem> GetFixes(CodeFixContext context)
    {
        var properties = context.Diagnostic.Properties;
        if (!properties.TryGetValue("lineSpanStart", out var startText) || !int.TryParse(startText, CultureInfo.InvariantCulture, out var start)
            || !properties.TryGetValue("lineSpanLength", out var lengthText) || !int.TryParse(lengthText, CultureInfo.InvariantCulture, out var length)
            || start < 0 || length <= 0 || start + length > context.Document.Text.Length)
        {
            yield break;
        }

        var document = context.Document;
        var line = document.Text.ToString(new TextSpan(start, length)).TrimEnd('\r', '\n');
        yield return new CodeActionItem($"Remove the duplicate line '{line.Trim()}'", CodeActionItem.QuickFix,
            _ => new WorkspaceEditModel([new EditFileChange(document.Path, document.Version, [new TextChange(new TextSpan(start, length), string.Empty)])]))
        {
            FixAllKey = "remove duplicate requirements",
        };
    }
}
