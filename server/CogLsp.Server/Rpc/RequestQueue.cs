using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Rpc;

/// <summary>
/// Orders work the way Roslyn's CLaSP queue does. Items are taken in arrival order. A mutating item
/// runs alone: nothing else starts until it finishes, so state changes apply in the order the client
/// sent them. A read-only item captures the current workspace snapshot and then runs concurrently with
/// whatever follows; it can be cancelled through its token.
/// </summary>
public sealed class RequestQueue
{
    private readonly Channel<WorkItem> _channel = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<RequestContext> _contextFactory;
    private readonly Action<ILspHandler> _afterMutation;
    private readonly ILogger _logger;
    private readonly Task _loop;

    public RequestQueue(Func<RequestContext> contextFactory, Action<ILspHandler> afterMutation, ILogger logger)
    {
        _contextFactory = contextFactory;
        _afterMutation = afterMutation;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public Task<object?> Enqueue(ILspHandler handler, JsonElement? parameters, CancellationToken cancellationToken)
    {
        var item = new WorkItem(handler, parameters, cancellationToken, new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_channel.Writer.TryWrite(item))
        {
            item.Completion.SetException(new ObjectDisposedException(nameof(RequestQueue)));
        }

        return item.Completion.Task;
    }

    public Task CompleteAsync()
    {
        _channel.Writer.TryComplete();
        return _loop;
    }

    private async Task RunAsync()
    {
        await foreach (var item in _channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            if (item.CancellationToken.IsCancellationRequested)
            {
                item.Completion.TrySetCanceled(item.CancellationToken);
                continue;
            }

            if (item.Handler.MutatesState)
            {
                await RunItemAsync(item, _contextFactory()).ConfigureAwait(false);
                try
                {
                    _afterMutation(item.Handler);
                }
                catch (Exception e)
                {
                    _logger.LogError(e, "After {Method}", item.Handler.Method);
                }
            }
            else
            {
                var context = _contextFactory();
                _ = Task.Run(() => RunItemAsync(item, context));
            }
        }
    }

    private async Task RunItemAsync(WorkItem item, RequestContext context)
    {
        try
        {
            var result = await item.Handler.HandleAsync(item.Parameters, context, item.CancellationToken).ConfigureAwait(false);
            item.Completion.TrySetResult(result);
        }
        catch (OperationCanceledException) when (item.CancellationToken.IsCancellationRequested)
        {
            item.Completion.TrySetCanceled(item.CancellationToken);
        }
        catch (StreamJsonRpc.LocalRpcException e)
        {
            item.Completion.TrySetException(e);
        }
        catch (Exception e)
        {
            // State is only ever replaced whole, so a failed handler leaves nothing half-written.
            _logger.LogError(e, "{Method} failed", item.Handler.Method);
            item.Completion.TrySetException(new StreamJsonRpc.LocalRpcException($"{item.Handler.Method} failed: {e.Message}") { ErrorCode = Protocol.ErrorCodes.RequestFailed });
        }
    }

    private sealed record WorkItem(ILspHandler Handler, JsonElement? Parameters, CancellationToken CancellationToken, TaskCompletionSource<object?> Completion);
}
