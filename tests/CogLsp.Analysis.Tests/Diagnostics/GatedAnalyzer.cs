using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Tests.Diagnostics;

/// <summary>
/// A requirements analyzer that holds each analysis at a gate until the test opens it (observing the
/// analysis' cancellation token while it waits), so a test can cancel a caller at a chosen moment.
/// </summary>
internal sealed class GatedAnalyzer : IDiagnosticAnalyzer
{
    private readonly ManualResetEventSlim _gate = new(initialState: false);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DocumentKind Kind => DocumentKind.Requirements;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

    /// <summary>Completes when the first analysis reaches the gate.</summary>
    public Task Entered => _entered.Task;

    public void Open() => _gate.Set();

    public void Analyze(AnalysisContext context)
    {
        _entered.TrySetResult();
        _gate.Wait(context.CancellationToken);
    }

    public static (DiagnosticService Service, GatedAnalyzer Gate) CreateService()
    {
        var gate = new GatedAnalyzer();
        return (new DiagnosticService(new LanguageServices { Analyzers = LanguageServices.CreateDefault().Analyzers.Add(gate) }), gate);
    }
}
