using System.Collections.Immutable;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.CogYaml;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// COG0303: renames the deprecated `predict` key to `run`, which Cog reads the same way. Not offered
/// when `run` is also set: Cog refuses that file anyway (COG0211), and the user must choose which stays.
/// </summary>
public sealed class RenamePredictToRunFixProvider : ICodeFixProvider
{
    public ImmutableArray<string> FixableDiagnosticIds { get; } = [CogYamlDiagnostics.PredictDeprecated.Id];

    public IEnumerable<CodeActionItem> GetFixes(CodeFixContext context)
    {
        var document = context.Document;
        var root = CogYamlTree.Resolve(CogYamlTree.Model(document).Root);
        if (CogYamlTree.Lookup(root, "run") is not null
            || CogYamlEditing.FindEntryByKeySpan(document, context.Diagnostic.Span) is not (_, var entry)
            || entry.KeyText != "predict")
        {
            yield break;
        }

        var span = CogYamlEditing.KeyNameSpan(entry.Key);
        yield return new CodeActionItem("Rename predict to run", CodeActionItem.QuickFix, _ => CogYamlEditing.Edit(document, new TextChange(span, "run")))
        {
            IsPreferred = true,
            FixAllKey = CogYamlDiagnostics.PredictDeprecated.Id,
        };
    }
}
