using System.Collections.Immutable;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml.BuildRun;

/// <summary>
/// COG0851/COG0852: quotes a requirement the shell would split at `>` or `<`, with the quoted text the
/// analyzer computed (offered only where the range is written in the document as the shell reads it).
/// </summary>
public sealed class BuildRunQuoteFixProvider : ICodeFixProvider
{
    public ImmutableArray<string> FixableDiagnosticIds { get; } = [BuildRunDiagnostics.RequirementRedirected.Id, BuildRunDiagnostics.RequirementReadsFile.Id];

    public IEnumerable<CodeActionItem> GetFixes(CodeFixContext context)
    {
        var document = context.Document;
        var span = context.Diagnostic.Span;
        if (context.Diagnostic.Data is not ReplacementData { Text: var replacement } || span.End > document.Text.Length)
        {
            yield break;
        }

        yield return new CodeActionItem($"Quote the requirement: {replacement}", CodeActionItem.QuickFix, _ => CogYamlEditing.Edit(document, new TextChange(span, replacement)))
        {
            IsPreferred = true,
            FixAllKey = "quote requirements in build.run",
        };
    }
}
