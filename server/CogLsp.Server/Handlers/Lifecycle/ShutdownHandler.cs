using System.Text.Json;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;

namespace CogLsp.Server.Handlers.Lifecycle;

/// <summary>shutdown: the server stops taking requests (they get InvalidRequest) and waits for exit.</summary>
public sealed class ShutdownHandler : LspHandler<JsonElement?, object?>
{
    public override string Method => Methods.Shutdown;

    public override bool MutatesState => true;

    protected override bool AllowsMissingParams => true;

    protected override Task<object?> ExecuteAsync(JsonElement? parameters, RequestContext context, CancellationToken cancellationToken)
    {
        context.State.Stage = LifecycleStage.ShutDown;
        return Task.FromResult<object?>(null);
    }
}
