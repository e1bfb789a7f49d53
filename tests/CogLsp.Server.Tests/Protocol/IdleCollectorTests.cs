using CogLsp.Server.Rpc;
using CogLsp.Server.Session;

namespace CogLsp.Server.Tests.Protocol;

/// <summary>The collector that moves garbage collection between keystrokes, driven by a fake runtime.</summary>
public class IdleCollectorTests
{
    private int _runtimeCollections;
    private long _allocated;
    private int _forced;

    private IdleCollector Create() => new(() => _runtimeCollections, () => Interlocked.Read(ref _allocated), () =>
    {
        Interlocked.Increment(ref _forced);
        _runtimeCollections++;
    });

    [Fact]
    public async Task After_a_change_it_collects_once_idle_when_enough_was_allocated()
    {
        var collector = Create();
        _allocated += IdleCollector.Threshold;
        collector.OnChange();
        await WaitUntil(() => Volatile.Read(ref _forced) == 1);
        Assert.Equal(1, collector.Collections);
    }

    [Fact]
    public async Task Little_allocation_or_a_collection_by_the_runtime_means_no_collection()
    {
        var collector = Create();
        _allocated += IdleCollector.Threshold / 2;
        collector.OnChange();
        await Task.Delay(IdleCollector.Delay * 10);

        // The runtime collected on its own: allocation is counted from there.
        _runtimeCollections++;
        _allocated += IdleCollector.Threshold;
        collector.OnChange();
        await Task.Delay(IdleCollector.Delay * 10);
        Assert.Equal(0, Volatile.Read(ref _forced));
    }

    [Fact]
    public async Task A_run_of_changes_leads_to_one_collection_after_the_last()
    {
        var collector = Create();
        _allocated += IdleCollector.Threshold;
        for (var i = 0; i < 50; i++)
        {
            collector.OnChange();
        }

        await WaitUntil(() => Volatile.Read(ref _forced) >= 1);
        await Task.Delay(IdleCollector.Delay * 10);
        Assert.Equal(1, Volatile.Read(ref _forced));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the condition did not become true within 10 s");
    }
}
