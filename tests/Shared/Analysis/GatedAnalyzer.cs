using System.Collections.Immutable;
using CogLsp.Analysis;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Tests.Shared;

/// <summary>
/// A requirements analyzer that holds every analysis open until the test opens its gate (observing the
/// analysis' cancellation token while it waits), so a test can cancel a caller or a request while its
/// diagnostics are surely still being computed. It reports nothing.
/// </summary>
public sealed class GatedAnalyzer : IDiagnosticAnalyzer
{
    private readonly ManualResetEventSlim _gate = new(initialState: false);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DocumentKind Kind => DocumentKind.Requirements;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

    /// <summary>Completes when an analysis first reaches the gate.</summary>
    public Task Entered => _entered.Task;

    /// <summary>How many analyses have started.</summary>
    public int Runs => Volatile.Read(ref _runs);

    private int _runs;

    public void Open() => _gate.Set();

    public void Analyze(AnalysisContext context)
    {
        Interlocked.Increment(ref _runs);
        _entered.TrySetResult();
        _gate.Wait(context.CancellationToken);
    }

    /// <summary>The default analyzers with a gate added.</summary>
    public static (DiagnosticService Service, GatedAnalyzer Gate) CreateService()
    {
        var gate = new GatedAnalyzer();
        return (new DiagnosticService(new LanguageServices { Analyzers = LanguageServices.CreateDefault().Analyzers.Add(gate) }), gate);
    }
}
