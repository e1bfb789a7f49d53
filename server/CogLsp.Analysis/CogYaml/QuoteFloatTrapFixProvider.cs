using System.Collections.Immutable;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>COG0410: quotes a version YAML would read as a float (`3.10` becomes `"3.10"`), using the replacement the analyzer computed.</summary>
public sealed class QuoteFloatTrapFixProvider : ICodeFixProvider
{
    public ImmutableArray<string> FixableDiagnosticIds { get; } = [CogYamlDiagnostics.FloatTrap.Id];

    public IEnumerable<CodeActionItem> GetFixes(CodeFixContext context)
    {
        var document = context.Document;
        var span = context.Diagnostic.Span;
        if (context.Diagnostic.Data is not ReplacementData { Text: var replacement } || span.End > document.Text.Length)
        {
            yield break;
        }

        yield return new CodeActionItem($"Quote the version: {replacement}", CodeActionItem.QuickFix, _ => CogYamlEditing.Edit(document, new TextChange(span, replacement)))
        {
            IsPreferred = true,
            FixAllKey = CogYamlDiagnostics.FloatTrap.Id,
        };
    }
}
