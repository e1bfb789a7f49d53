using System.Collections.Immutable;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// REQ0601 (version not listed) and REQ0605 (yanked), and their twins for python_packages items (COG0761/COG0765)
/// and build.run arguments (COG0861/COG0865): pin one
/// of the nearest listed versions instead. In cog.yaml the data carries versions only when the specifier maps
/// exactly into the item's scalar (and, in a run command, the shell word), and `==VERSION` is valid unchanged in
/// a plain, single- or double-quoted scalar and in or out of shell quotes, so the edit keeps the quoting.
/// </summary>
public sealed class IndexFixProvider : ICodeFixProvider
{
    public ImmutableArray<string> FixableDiagnosticIds { get; } = [IndexDescriptors.PinNotListed.Id, IndexDescriptors.YankedPin.Id, .. PythonPackageIndexDiagnostics.VersionChoiceIds, .. BuildRunIndexDiagnostics.VersionChoiceIds];

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
