using System.Collections.Immutable;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// REQ0601 (version not listed) and REQ0605 (yanked), and their python_packages twins COG0761/COG0765: pin one
/// of the nearest listed versions instead. In cog.yaml the data carries versions only when the specifier maps
/// exactly into the item's scalar, and `==VERSION` is valid unchanged in a plain, single- or double-quoted
/// scalar, so the edit keeps the YAML as it was quoted.
/// </summary>
public sealed class IndexFixProvider : ICodeFixProvider
{
    public ImmutableArray<string> FixableDiagnosticIds { get; } = [IndexDescriptors.PinNotListed.Id, IndexDescriptors.YankedPin.Id, .. PythonPackageIndexDiagnostics.VersionChoiceIds];

    public IEnumerable<CodeActionItem> GetFixes(CodeFixContext context)
    {
        if (context.Diagnostic.Data is not VersionChoiceData data || data.Replace.End > context.Document.Text.Length)
        {
            yield break;
        }

        var document = context.Document;
        var written = document.Text.ToString(data.Replace);
        var first = true;
        foreach (var version in data.Versions)
        {
            var change = new TextChange(data.Replace, data.Operator + version);
            yield return new CodeActionItem($"Change {written} to {data.Operator}{version}", CodeActionItem.QuickFix, _ => new WorkspaceEditModel([new EditFileChange(document.Path, document.Version, [change])]))
            {
                IsPreferred = first,
            };
            first = false;
        }
    }
}
