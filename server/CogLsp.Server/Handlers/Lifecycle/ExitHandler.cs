using System.Text.Json;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Handlers.Lifecycle;

/// <summary>exit: registered so the method is routed; the server acts on it as it arrives (exit code 0 after shutdown, else 1).</summary>
public sealed class ExitHandler : LspHandler<JsonElement?, object?>
{
    public override string Method => Methods.Exit;

    protected override bool AllowsMissingParams => true;

    protected override Task<object?> ExecuteAsync(JsonElement? parameters, RequestContext context, CancellationToken cancellationToken) => Task.FromResult<object?>(null);
}
