using System.Text.Json;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Handlers.Lifecycle;

/// <summary>Logs a message the frame guard could not pass on (see <see cref="FrameGuardStream"/>).</summary>
public sealed class MalformedMessageHandler : LspHandler<JsonElement?, object?>
{
    public override string Method => FrameGuardStream.MalformedMethod;

    protected override bool AllowsMissingParams => true;

    protected override Task<object?> ExecuteAsync(JsonElement? parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var problem = parameters is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("problem", out var value) ? value.GetString() : "unknown";
        context.Logger.LogWarning("Ignored a malformed message from the client: {Problem}", problem);
        return Task.FromResult<object?>(null);
    }
}
