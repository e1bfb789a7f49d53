using System.Text.Json;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Handlers.Workspace;

/// <summary>
/// One command of workspace/executeCommand. LSP has one method for every command, so the commands are not
/// handlers themselves: <see cref="ExecuteCommandHandler"/> advertises their names and dispatches to them.
/// Commands run as read-only requests (on the snapshot current when dequeued) and must not write state.
/// </summary>
public interface IServerCommand
{
    string Name { get; }

    Task<object?> ExecuteAsync(JsonElement[] arguments, RequestContext context, CancellationToken cancellationToken);
}
