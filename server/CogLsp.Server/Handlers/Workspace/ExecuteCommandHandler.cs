using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;

namespace CogLsp.Server.Handlers.Workspace;

/// <summary>workspace/executeCommand: advertises every <see cref="IServerCommand"/> in executeCommandProvider and runs the one named.</summary>
public sealed class ExecuteCommandHandler(IEnumerable<IServerCommand> commands) : LspHandler<ExecuteCommandParams, object?>, ICapabilityContributor
{
    private readonly Dictionary<string, IServerCommand> _commands = commands.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public override string Method => Methods.ExecuteCommand;

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities.ExecuteCommandProvider = new ExecuteCommandOptions([.. _commands.Keys.Order(StringComparer.Ordinal)]);

    protected override Task<object?> ExecuteAsync(ExecuteCommandParams parameters, RequestContext context, CancellationToken cancellationToken) =>
        _commands.TryGetValue(parameters.Command, out var command)
            ? command.ExecuteAsync(parameters.Arguments ?? [], context, cancellationToken)
            : throw new StreamJsonRpc.LocalRpcException($"Unknown command '{parameters.Command}'.") { ErrorCode = ErrorCodes.InvalidParams };
}
