using System.Collections.Immutable;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// COG0101: renames a misspelt key to the schema's suggestion. Not offered when the mapping already
/// has a key of that name, since the rename would then write the key twice, which Cog refuses.
/// </summary>
public sealed class RenameUnknownKeyFixProvider : ICodeFixProvider
{
    public ImmutableArray<string> FixableDiagnosticIds { get; } = [CogYamlDiagnostics.UnknownKey.Id];

    public IEnumerable<CodeActionItem> GetFixes(CodeFixContext context)
    {
        var document = context.Document;
        if (context.Diagnostic.Data is not ReplacementData { Text: var suggestion }
            || CogYamlEditing.FindEntryByKeySpan(document, context.Diagnostic.Span) is not (var mapping, var entry)
            || entry.KeyText is not { } name
            || mapping.Find(suggestion) is not null)
        {
            yield break;
        }

        var span = CogYamlEditing.KeyNameSpan(entry.Key);
        yield return new CodeActionItem($"Rename '{name}' to '{suggestion}'", CodeActionItem.QuickFix, _ => CogYamlEditing.Edit(document, new TextChange(span, suggestion)))
        {
            IsPreferred = true,
            FixAllKey = CogYamlDiagnostics.UnknownKey.Id,
        };
    }
}
