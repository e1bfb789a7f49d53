using System.Text.Json;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Handlers.Workspace;

/// <summary>
/// Reads the `cogLsp` section with workspace/configuration, without blocking the queue, and queues the
/// result. A client that fails or does not answer within <see cref="Patience"/> leaves the settings as they
/// are, and the server goes on (<see cref="Session.ServerState.AwaitingSettings"/> is cleared either way).
/// </summary>
public static class ConfigurationLoader
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

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
                    Methods.Configuration, new ConfigurationParams([new ConfigurationItem(null, "cogLsp")]), CancellationToken.None).WaitAsync(Patience).ConfigureAwait(false);
                if (result is { Length: > 0 })
                {
                    await server.EnqueueInternal(new ApplySettingsHandler(), result[0]).ConfigureAwait(false);
                    return;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                context.Logger.LogWarning("Could not read the cogLsp settings: {Message}", e.Message);
            }

            await server.EnqueueInternal(new SettingsUnavailable(), null).ConfigureAwait(false);
        });
    }

    /// <summary>Internal step: the client gave no settings; the server goes on with those it has.</summary>
    private sealed class SettingsUnavailable : LspHandler<JsonElement?, object?>
    {
        public override string Method => "cogLsp/settingsUnavailable";

        public override bool MutatesState => true;

        protected override bool AllowsMissingParams => true;

        protected override Task<object?> ExecuteAsync(JsonElement? parameters, RequestContext context, CancellationToken cancellationToken)
        {
            context.State.AwaitingSettings = false;
            return Task.FromResult<object?>(null);
        }
    }
}
