using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Requirements;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// Reports the index findings on cog.yaml lookups (python_packages items, build.run arguments) under the twins of
/// the REQ06xx rules: the findings are <see cref="IndexFindings"/>'s, the same a requirements line gets, made at
/// the lookup's document spans; lookups an index could not answer for get one note per document, on the first.
/// A version fix is offered only where the specifier can be edited in place (<see cref="IndexLookup.SpecifierExact"/>).
/// </summary>
internal static class CogYamlIndexFindings
{
    public static void Report(AnalysisContext context, IReadOnlyList<IndexLookup> lookups, Func<DiagnosticDescriptor, DiagnosticDescriptor> twin)
    {
        var path = context.Document.Path;
        var notChecked = new List<IndexLookup>();
        string? problem = null;
        var findings = new List<LineFinding>();
        foreach (var lookup in lookups)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (IndexPicks.Get(context.Workspace, lookup) is not { } pick)
            {
                continue;
            }

            if (pick.Outcome == PickOutcome.Unknown)
            {
                notChecked.Add(lookup);
                problem ??= IndexFindings.UnavailableProblem(pick);
                continue;
            }

            findings.Clear();
            IndexFindings.Add(lookup, pick, findings);
            foreach (var finding in findings)
            {
                var rule = twin(finding.Descriptor);
                context.Report(new Diagnostic(rule, path, finding.Span, finding.Message, rule.DefaultSeverity)
                {
                    Data = finding.Data is VersionChoiceData choice && !lookup.SpecifierExact ? choice with { Versions = [] } : finding.Data,
                });
            }
        }

        if (notChecked.Count > 0)
        {
            context.Report(IndexFindings.NotChecked(twin(IndexDescriptors.IndexUnavailable), notChecked[0].Span, [.. notChecked.Select(l => l.Project)], problem).Place(path, 0));
        }
    }
}
