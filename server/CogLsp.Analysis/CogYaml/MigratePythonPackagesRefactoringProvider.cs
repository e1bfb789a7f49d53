using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// The migration as a refactoring, offered anywhere inside `build:` while python_packages is there, so
/// it is found even with the deprecation warning suppressed. On the python_packages key itself the
/// quick fix already offers it, so the refactoring stays away from there.
/// </summary>
public sealed class MigratePythonPackagesRefactoringProvider : IRefactoringProvider
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public IEnumerable<CodeActionItem> GetRefactorings(FeatureContext context, TextSpan span)
    {
        if (CogYamlEditing.BlockBuild(context.Document) is not (var root, var build))
        {
            yield break;
        }

        var buildEntry = root.Find("build")!;
        var packages = build.Find("python_packages");
        if (packages is null || !buildEntry.Span.Touches(span.Start) || packages.Key.Span.IntersectsWith(span))
        {
            yield break;
        }

        if (PythonPackagesMigration.Plan(context.Workspace, context.Document) is { } migration)
        {
            yield return migration.ToAction(CodeActionItem.Refactor);
        }
    }
}
