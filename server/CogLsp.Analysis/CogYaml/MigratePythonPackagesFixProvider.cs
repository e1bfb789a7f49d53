using System.Collections.Immutable;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.CogYaml;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// The migration as a quick fix: on the deprecation warning (COG0301) when only python_packages is set,
/// and on COG0230 when python_requirements is set too (the packages then merge into that file). The
/// two never both offer it for one file, so the lightbulb shows it once.
/// </summary>
public sealed class MigratePythonPackagesFixProvider : ICodeFixProvider
{
    public ImmutableArray<string> FixableDiagnosticIds { get; } =
        [CogYamlDiagnostics.PythonPackagesDeprecated.Id, CogYamlDiagnostics.PackagesAndRequirements.Id];

    public IEnumerable<CodeActionItem> GetFixes(CodeFixContext context)
    {
        var requirementsSet = CogYamlEditing.BlockBuild(context.Document) is (_, var build) && build.Find("python_requirements") is not null;
        if (requirementsSet != (context.Diagnostic.Id == CogYamlDiagnostics.PackagesAndRequirements.Id))
        {
            yield break;
        }

        if (PythonPackagesMigration.Plan(context.Workspace, context.Document) is { } migration)
        {
            yield return migration.ToAction(CodeActionItem.QuickFix);
        }
    }
}
