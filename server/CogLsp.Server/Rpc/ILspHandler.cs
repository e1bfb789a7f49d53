using System.Text.Json;
using CogLsp.Server.Protocol;
using CogLsp.Server.Session;

namespace CogLsp.Server.Rpc;

/// <summary>
/// One LSP method. Mutating handlers (<see cref="MutatesState"/>) run alone and in arrival order and may
/// change <see cref="ServerState"/>; the others run concurrently on the snapshot current when they
/// were dequeued and must not write state.
/// </summary>
public interface ILspHandler
{
    string Method { get; }

    bool MutatesState { get; }

    Task<object?> HandleAsync(JsonElement? parameters, RequestContext context, CancellationToken cancellationToken);
}

/// <summary>Handlers that add to the server capabilities announced by initialize.</summary>
public interface ICapabilityContributor
{
    void Contribute(ServerCapabilities capabilities, ClientCapabilities client);
}

/// <summary>A typed handler: parameters are deserialized once with the wire's serializer options.</summary>
public abstract class LspHandler<TParams, TResult> : ILspHandler
{
    public abstract string Method { get; }

    public virtual bool MutatesState => false;

    public async Task<object?> HandleAsync(JsonElement? parameters, RequestContext context, CancellationToken cancellationToken)
    {
        TParams? typed;
        try
        {
            typed = LspJson.Deserialize<TParams>(parameters);
        }
        catch (JsonException e)
        {
            throw new StreamJsonRpc.LocalRpcException($"Invalid parameters for {Method}: {e.Message}") { ErrorCode = ErrorCodes.InvalidParams };
        }

        if (typed is null && !AllowsMissingParams)
        {
            throw new StreamJsonRpc.LocalRpcException($"{Method} needs parameters") { ErrorCode = ErrorCodes.InvalidParams };
        }

        return await ExecuteAsync(typed!, context, cancellationToken).ConfigureAwait(false);
    }

    protected virtual bool AllowsMissingParams => false;

    protected abstract Task<TResult> ExecuteAsync(TParams parameters, RequestContext context, CancellationToken cancellationToken);
}
