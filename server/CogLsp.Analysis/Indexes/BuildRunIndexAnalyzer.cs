using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// COG0861–COG0866 and COG0869: the package-index rules on the requirement arguments of `pip install` commands in
/// build.run (<see cref="BuildRunIndexLookups"/>), the findings <see cref="IndexAnalyzer"/> makes on a
/// requirements file, under their build.run twins (<see cref="BuildRunIndexDiagnostics"/>).
/// </summary>
public sealed class BuildRunIndexAnalyzer : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => BuildRunIndexDiagnostics.Rules;

    public void Analyze(AnalysisContext context) =>
        CogYamlIndexFindings.Report(context, BuildRunIndexLookups.For(context.Workspace, context.Document), BuildRunIndexDiagnostics.Twin);
}
