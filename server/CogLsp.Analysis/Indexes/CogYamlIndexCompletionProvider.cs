using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// Versions after a version operator inside a build.python_packages item, as after the same text on a
/// requirements line (<see cref="IndexCompletionProvider"/>), from the indexes of the file Cog generates.
/// Offered only where the item's scalar maps exactly, so the version typed so far is what is replaced and
/// the text around it (quotes, the rest of the item) stays as it is.
/// </summary>
public sealed class CogYamlIndexCompletionProvider : ICompletionProvider
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public IEnumerable<CompletionItem> GetCompletions(FeatureContext context, int offset)
    {
        if (CogYamlIndexLookups.Plan(context.Workspace, context.Document) is not { } plan
            || PythonPackageItems.At(context.Document, offset) is not { } item
            || item.ValueIndexAt(offset) is not { } index)
        {
            return [];
        }

        // The item's text before the cursor, on the line of it pip reads (an item may hold line breaks).
        var before = item.Value[..index];
        var lineStart = before.LastIndexOf('\n') + 1;
        if (IndexCompletionProvider.Split(before[lineStart..]) is not ({ } name, var versionStart)
            || !item.Map.TryMap(TextSpan.FromBounds(lineStart + versionStart, index), out var replace))
        {
            return [];
        }

        return IndexCompletionProvider.Versions(context.Workspace, plan, name, replace);
    }
}
