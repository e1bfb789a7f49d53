using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Tests.Workspace;

/// <summary>
/// The memo behind documents and snapshots: one computation shared by all callers, which no single
/// caller's cancellation decides, and which is remembered only when it produced a value.
/// </summary>
public class SharedComputationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>A computation that waits at a gate (observing its own token) and counts its runs.</summary>
    private sealed class Gated
    {
        private readonly ManualResetEventSlim _gate = new(false);
        private TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _runs;

        public Task Entered => _entered.Task;

        public int Runs => Volatile.Read(ref _runs);

        public CancellationToken LastToken { get; private set; }

        public void Open() => _gate.Set();

        public string Compute(CancellationToken token)
        {
            LastToken = token;
            Interlocked.Increment(ref _runs);
            _entered.TrySetResult();
            _gate.Wait(token);
            return "value";
        }

        public void ExpectAnotherRun() => _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [Fact]
    public async Task The_computation_does_not_run_under_the_first_callers_token()
    {
        var gated = new Gated();
        var memo = new SharedComputation<string>(gated.Compute);
        using var cancel = new CancellationTokenSource();
        var first = Task.Run(() => memo.GetValue(cancel.Token));
        await gated.Entered.WaitAsync(Patience);
        Assert.NotEqual(cancel.Token, gated.LastToken);
        gated.Open();
        Assert.Equal("value", await first.WaitAsync(Patience));
    }

    [Fact]
    public async Task A_computation_whose_only_caller_gave_up_is_cancelled_and_forgotten()
    {
        var gated = new Gated();
        var memo = new SharedComputation<string>(gated.Compute);
        using var cancel = new CancellationTokenSource();
        var first = Task.Run(() => memo.GetValue(cancel.Token));
        await gated.Entered.WaitAsync(Patience);
        cancel.Cancel();
        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first.WaitAsync(Patience));
        Assert.Equal(cancel.Token, thrown.CancellationToken);
        Assert.False(memo.HasValue);

        gated.Open();
        Assert.Equal("value", memo.GetValue());
        Assert.Equal(2, gated.Runs);
        Assert.True(memo.HasValue);
    }

    [Fact]
    public async Task The_first_caller_giving_up_leaves_the_computation_to_the_callers_still_waiting()
    {
        var gated = new Gated();
        var memo = new SharedComputation<string>(gated.Compute);
        using var cancelFirst = new CancellationTokenSource();
        var first = Task.Run(() => memo.GetValue(cancelFirst.Token));
        await gated.Entered.WaitAsync(Patience);
        var second = Task.Run(() => memo.GetValue(CancellationToken.None));
        await WaitUntil(() => memo.Callers == 2);
        cancelFirst.Cancel();
        Assert.False(gated.LastToken.IsCancellationRequested);

        gated.Open();
        Assert.Equal("value", await second.WaitAsync(Patience));
        Assert.Equal(1, gated.Runs);
        var outcome = await Record.ExceptionAsync(() => first.WaitAsync(Patience));
        Assert.True(outcome is null or OperationCanceledException, outcome?.ToString());
    }

    [Fact]
    public async Task A_waiting_caller_that_gives_up_gets_its_own_cancellation_at_once()
    {
        var gated = new Gated();
        var memo = new SharedComputation<string>(gated.Compute);
        var first = Task.Run(() => memo.GetValue(CancellationToken.None));
        await gated.Entered.WaitAsync(Patience);
        using var cancelSecond = new CancellationTokenSource();
        var second = Task.Run(() => memo.GetValue(cancelSecond.Token));
        cancelSecond.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.WaitAsync(Patience));
        Assert.False(gated.LastToken.IsCancellationRequested);

        gated.Open();
        Assert.Equal("value", await first.WaitAsync(Patience));
        Assert.Equal(1, gated.Runs);
    }

    [Fact]
    public void A_failure_is_reported_to_its_caller_and_not_remembered()
    {
        var calls = 0;
        var memo = new SharedComputation<string>(_ => ++calls == 1 ? throw new InvalidOperationException("boom") : "value");
        Assert.Throws<InvalidOperationException>(() => memo.GetValue());
        Assert.False(memo.HasValue);
        Assert.Equal("value", memo.GetValue());
        Assert.Equal("value", memo.GetValue());
        Assert.Equal(2, calls);
    }

    [Fact]
    public void A_computation_that_asks_for_its_own_value_is_a_cycle()
    {
        SharedComputation<string>? memo = null;
        memo = new SharedComputation<string>(_ => memo!.GetValue(CancellationToken.None));
        Assert.Throws<InvalidOperationException>(() => memo.GetValue());
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1);
        }

        Assert.True(condition());
    }
}
