using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// COG0760–COG0768: the package-index rules on cog.yaml's build.python_packages items
/// (<see cref="CogYamlIndexLookups"/>), the same findings <see cref="IndexAnalyzer"/> makes on a requirements
/// file, under their python_packages twins (<see cref="PythonPackageIndexDiagnostics"/>).
/// </summary>
public sealed class CogYamlIndexAnalyzer : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => PythonPackageIndexDiagnostics.Rules;

    public void Analyze(AnalysisContext context) =>
        CogYamlIndexFindings.Report(context, CogYamlIndexLookups.For(context.Workspace, context.Document), PythonPackageIndexDiagnostics.Twin);
}
