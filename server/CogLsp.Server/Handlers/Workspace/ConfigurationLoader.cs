using System.Text.Json;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Handlers.Workspace;

/// <summary>
/// Reads the `cogLsp` section with workspace/configuration, without blocking the queue, and queues the
/// result. An answer without a `cogLsp` object falls back to the settings the client pushed, if any; a client
/// that has none, fails or does not answer within <see cref="Patience"/> leaves the settings as they are (those
/// of `initializationOptions.cogLsp`, or the defaults), and the server goes on
/// (<see cref="Session.ServerState.AwaitingSettings"/> is cleared either way).
/// </summary>
public static class ConfigurationLoader
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <param name="pushed">Settings the client pushed with `workspace/didChangeConfiguration`, used when its answer has no `cogLsp` object.</param>
    public static void Request(RequestContext context, JsonElement? pushed = null)
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
                if (result is [{ ValueKind: JsonValueKind.Object } settings, ..])
                {
                    await server.EnqueueInternal(new ApplySettingsHandler(), settings).ConfigureAwait(false);
                    return;
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                context.Logger.LogWarning("Could not read the cogLsp settings: {Message}", e.Message);
            }

            await (pushed is not null ? server.EnqueueInternal(new ApplySettingsHandler(), pushed.Value) : server.EnqueueInternal(new SettingsUnavailable(), null)).ConfigureAwait(false);
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
