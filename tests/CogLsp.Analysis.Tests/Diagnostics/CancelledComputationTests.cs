using CogLsp.Analysis.Tests.Requirements;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Tests.Diagnostics;

/// <summary>
/// Memoised results are shared by every caller, so no caller's cancellation may decide them: a caller
/// that gives up gets its own OperationCanceledException, the others (and later ones) get the result.
/// A computation that was cancelled or failed is never remembered.
/// </summary>
public class CancelledComputationTests
{
    private const string Text = "numpy\nrequests==2.31.0\n";

    [Fact]
    public async Task A_caller_cancelled_while_diagnostics_are_computed_leaves_nothing_behind()
    {
        var (service, gate) = GatedAnalyzer.CreateService();
        var (snapshot, document) = new RequirementsTestWorkspace().Open(Text);
        using var cancel = new CancellationTokenSource();

        var first = Task.Run(() => service.GetDiagnostics(snapshot, document, cancel.Token));
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.WaitAsync(TimeSpan.FromSeconds(30)));

        gate.Open();
        var diagnostics = service.GetDiagnostics(snapshot, document, CancellationToken.None);
        Assert.Contains(diagnostics, d => d.Id == "REQ0201");
    }

    [Fact]
    public async Task A_cancelled_caller_does_not_cancel_another_caller_waiting_for_the_same_result()
    {
        var (service, gate) = GatedAnalyzer.CreateService();
        var (snapshot, document) = new RequirementsTestWorkspace().Open(Text);
        using var cancel = new CancellationTokenSource();

        var first = Task.Run(() => service.GetDiagnostics(snapshot, document, cancel.Token));
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));
        var second = Task.Run(() => service.GetDiagnostics(snapshot, document, CancellationToken.None));
        cancel.Cancel();
        gate.Open();

        var diagnostics = await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(diagnostics, d => d.Id == "REQ0201");
        // The first caller either got the result computed meanwhile or its own cancellation, never a failure of another kind.
        var outcome = await Record.ExceptionAsync(() => first.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(outcome is null or OperationCanceledException, outcome?.ToString());
    }

    [Fact]
    public void A_failed_computation_is_not_remembered()
    {
        var (snapshot, document) = new RequirementsTestWorkspace().Open(Text);
        var key = new object();
        var calls = 0;
        string Compute(Document _) => ++calls == 1 ? throw new OperationCanceledException() : "value";

        Assert.ThrowsAny<OperationCanceledException>(() => document.GetOrAdd(key, Compute));
        Assert.Equal("value", document.GetOrAdd(key, Compute));

        calls = 0;
        string ComputeShared(WorkspaceSnapshot _) => ++calls == 1 ? throw new InvalidOperationException("boom") : "shared";
        Assert.Throws<InvalidOperationException>(() => snapshot.GetOrAdd(key, ComputeShared));
        Assert.Equal("shared", snapshot.GetOrAdd(key, ComputeShared));
    }
}
