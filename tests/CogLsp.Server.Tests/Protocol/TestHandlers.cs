using System.Text.Json;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Tests.Protocol;

/// <summary>A read-only request that only ends when cancelled: it lets a test cancel a request that is surely still running.</summary>
public sealed class WaitForeverHandler : LspHandler<JsonElement?, object?>
{
    public override string Method => "test/waitForever";

    protected override bool AllowsMissingParams => true;

    protected override async Task<object?> ExecuteAsync(JsonElement? parameters, RequestContext context, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return null;
    }
}

/// <summary>A read-only request that returns the text of a document as the snapshot it runs on has it.</summary>
public sealed class EchoTextHandler : LspHandler<JsonElement, string?>
{
    public override string Method => "test/echoText";

    protected override Task<string?> ExecuteAsync(JsonElement parameters, RequestContext context, CancellationToken cancellationToken) =>
        Task.FromResult(context.GetDocument(parameters.GetProperty("uri").GetString()!)?.Text.Text);
}
