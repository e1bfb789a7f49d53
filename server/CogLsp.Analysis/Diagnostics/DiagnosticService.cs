using System.Collections.Immutable;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Diagnostics;

/// <summary>
/// Runs every analyzer for a document's kind, then applies suppression comments and the user's
/// severity overrides. Results are memoised per snapshot and document, so the server's push and
/// pull paths and the CLI share one computation.
/// </summary>
public sealed class DiagnosticService(LanguageServices services)
{
    private readonly LanguageServices _services = services;
    private ImmutableHashSet<string>? _knownIds;

    private ImmutableHashSet<string> KnownIds => _knownIds ??= _services.AllDescriptors.Select(d => d.Id).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);

    public ImmutableArray<Diagnostic> GetDiagnostics(WorkspaceSnapshot workspace, Document document, CancellationToken cancellationToken = default) =>
        workspace.GetOrAdd(("diagnostics", document.Path, document.Kind), (w, token) => new Box(Compute(w, document, token)), cancellationToken).Value;

    private ImmutableArray<Diagnostic> Compute(WorkspaceSnapshot workspace, Document document, CancellationToken cancellationToken)
    {
        var context = new AnalysisContext(workspace, document, cancellationToken);
        foreach (var analyzer in _services.Analyzers)
        {
            if (analyzer.Kind == document.Kind)
            {
                cancellationToken.ThrowIfCancellationRequested();
                analyzer.Analyze(context);
            }
        }

        var suppressions = Suppressions.Parse(document.Text);
        var unknownDescriptor = GeneralDiagnostics.UnknownSuppressionFor(document.Kind);
        foreach (var (id, span) in suppressions.Mentions)
        {
            if (unknownDescriptor is not null && !KnownIds.Contains(id))
            {
                context.Report(unknownDescriptor, span, id);
            }
        }

        var result = ImmutableArray.CreateBuilder<Diagnostic>(context.Diagnostics.Count);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!suppressions.IsEmpty && suppressions.IsSuppressed(diagnostic.Id, document.Text.GetLineIndex(diagnostic.Span.Start)))
            {
                continue;
            }

            var severity = workspace.Options.EffectiveSeverity(diagnostic.Descriptor, diagnostic.Severity);
            if (severity is null)
            {
                continue;
            }

            result.Add(severity == diagnostic.Severity ? diagnostic : diagnostic with { Severity = severity.Value });
        }

        return result.OrderBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>The snapshot cache holds reference types only.</summary>
    private sealed record Box(ImmutableArray<Diagnostic> Value);
}
