using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Handlers.Lifecycle;

/// <summary>$/setTrace: "off", "messages" or "verbose"; verbose also sends debug logs to the client.</summary>
public sealed class SetTraceHandler : LspHandler<SetTraceParams, object?>
{
    public override string Method => Methods.SetTrace;

    public override bool MutatesState => true;

    protected override Task<object?> ExecuteAsync(SetTraceParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        if (parameters.Value is "off" or "messages" or "verbose")
        {
            context.State.Trace = parameters.Value;
        }

        return Task.FromResult<object?>(null);
    }
}
