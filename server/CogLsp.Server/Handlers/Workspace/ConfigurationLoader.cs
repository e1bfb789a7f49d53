using System.Text.Json;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Handlers.Workspace;

/// <summary>Reads the `cogLsp` section with workspace/configuration, without blocking the queue, and queues the result.</summary>
public static class ConfigurationLoader
{
    public static void Request(RequestContext context)
    {
        var server = context.Server;
        if (server is null)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                var result = await context.Client.RequestAsync<JsonElement[]>(
                    Methods.Configuration, new ConfigurationParams([new ConfigurationItem(null, "cogLsp")]), CancellationToken.None).ConfigureAwait(false);
                if (result is { Length: > 0 })
                {
                    await server.EnqueueInternal(new ApplySettingsHandler(), result[0]).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                context.Logger.LogWarning("Could not read the cogLsp settings: {Message}", e.Message);
            }
        });
    }
}
