using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Requirements;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// COG0701–COG0741: pip's per-line rules on each build.python_packages item, on the line pip reads for
/// it in the requirements file Cog generates (<see cref="PythonPackageItem.PipText"/>), with ranges
/// inside the YAML string. A pin fix's replacement range is carried only when it maps exactly into the
/// written string, so a fix never edits across quotes or escapes it cannot see.
/// </summary>
public sealed class PythonPackageItemsAnalyzer : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => PythonPackageDiagnostics.Rules;

    public void Analyze(AnalysisContext context)
    {
        var path = context.Document.Path;
        foreach (var item in PythonPackageItems.Get(context.Document))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            foreach (var finding in PythonPackageLineChecks.Run(path, item.PipText))
            {
                if (PythonPackageDiagnostics.ForRequirementRule(finding.Id) is not { } twin)
                {
                    continue;
                }

                var diagnostic = new Diagnostic(twin, path, item.MapPipSpan(finding.Span), finding.Message, twin.DefaultSeverity)
                {
                    Data = TranslateReplacement(item, finding.Data),
                };
                context.Report(diagnostic);
            }
        }
    }

    /// <summary>The pin rule's replacement range, moved from the item's line into the document (dropped when it does not map exactly).</summary>
    private static DiagnosticData? TranslateReplacement(PythonPackageItem item, DiagnosticData? data) =>
        data is not PinFixData pin ? data
        : item.TryMapPipSpan(pin.Replace, out var mapped) ? pin with { Replace = mapped }
        : null;
}
