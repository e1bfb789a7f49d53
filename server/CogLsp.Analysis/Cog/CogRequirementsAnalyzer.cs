using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Cog;

/// <summary>REQ0500–REQ0523: what Cog does with each line of the requirements file a cog.yaml uses.</summary>
public sealed class CogRequirementsAnalyzer(ICogConfigProvider configs) : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.Requirements;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => CogDiagnostics.RequirementRules;

    public void Analyze(AnalysisContext context)
    {
        var config = configs.FindConfigFor(context.Workspace, context.Document);
        if (config is null || config.PythonRequirements is null)
        {
            return;
        }

        var resolution = CogResolutionCache.Get(context.Workspace, config);
        foreach (var finding in resolution.Findings.Where(f => !f.InPythonPackages))
        {
            var span = finding.Span;
            if (span.End > context.Document.Text.Length)
            {
                continue;
            }

            var diagnostic = new Diagnostic(CogDiagnostics.ForRequirement(finding.Kind), context.Document.Path, span, finding.Message, finding.Severity);
            context.Report(finding.Fix is null ? diagnostic : diagnostic.WithData(new ReplacementData(finding.Fix)));
        }
    }
}
