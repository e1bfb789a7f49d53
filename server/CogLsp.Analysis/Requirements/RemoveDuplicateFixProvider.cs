using System.Collections.Immutable;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Requirements;

/// <summary>REQ0202 (package listed twice): delete the later line, with its line break; the first one stays as written.</summary>
public sealed class RemoveDuplicateFixProvider : ICodeFixProvider
{
    public ImmutableArray<string> FixableDiagnosticIds { get; } = ["REQ0202"];

    public IEnumerable<CodeActionItem> GetFixes(CodeFixContext context)
    {
        if (context.Diagnostic.Data is not RemoveLineData { Line: var remove } || remove.IsEmpty || remove.End > context.Document.Text.Length)
        {
            yield break;
        }

        var document = context.Document;
        var line = document.Text.ToString(remove).TrimEnd('\r', '\n');
        yield return new CodeActionItem($"Remove the duplicate line '{line.Trim()}'", CodeActionItem.QuickFix,
            _ => new WorkspaceEditModel([new EditFileChange(document.Path, document.Version, [new TextChange(remove, string.Empty)])]))
        {
            FixAllKey = "remove duplicate requirements",
        };
    }
}
