using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// On an exact pin with a newer release that installs in the image: "Upgrade to X" (a refactoring, not a
/// quick fix: the pin is not wrong, the user may want it). Only the version text changes. In cog.yaml (python_packages
/// items, build.run arguments) only where the specifier maps exactly into the scalar, so the quoting is kept.
/// </summary>
public sealed class IndexUpgradeRefactoringProvider(DocumentKind kind = DocumentKind.Requirements) : IRefactoringProvider
{
    public DocumentKind Kind => kind;

    public IEnumerable<CodeActionItem> GetRefactorings(FeatureContext context, TextSpan span)
    {
        if (IndexPicks.At(context.Workspace, context.Document, span.Start) is not ({ } lookup, { Outcome: PickOutcome.Picked, Picked: { } picked } pick)
            || lookup.PinnedVersion is null || lookup.RewrittenByCog || !lookup.SpecifierExact || lookup.SpecifierSpan.End > context.Document.Text.Length)
        {
            yield break;
        }

        if (pick.NewestForImage is not { } newest || newest.Version <= picked.Version)
        {
            yield break;
        }

        var document = context.Document;
        var written = document.Text.ToString(lookup.SpecifierSpan);
        var op = written.StartsWith("===", StringComparison.Ordinal) ? "===" : "==";
        var change = new TextChange(lookup.SpecifierSpan, op + newest.Version);
        yield return new CodeActionItem($"Upgrade {lookup.Project} to {newest.Version} (newest for the image)", CodeActionItem.Refactor, _ => new WorkspaceEditModel([new EditFileChange(document.Path, document.Version, [change])]));
    }
}
