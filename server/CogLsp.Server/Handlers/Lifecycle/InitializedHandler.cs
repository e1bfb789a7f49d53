using System.Text.Json;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Handlers.Workspace;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Handlers.Lifecycle;

/// <summary>
/// initialized: asks the client to watch cog.yaml and requirements files on disk (so edits made outside
/// the editor are seen) and reads the `cogLsp` settings. Both requests are sent without waiting, so a
/// slow client never holds up the queue; the settings are applied when they arrive.
/// </summary>
public sealed class InitializedHandler : LspHandler<JsonElement?, object?>
{
    /// <summary>The file globs of every registered document kind.</summary>
    public static readonly string[] WatchedGlobs = [.. DocumentKindRegistration.All.SelectMany(r => r.FileGlobs)];

    public override string Method => Methods.Initialized;

    public override bool MutatesState => true;

    protected override bool AllowsMissingParams => true;

    protected override Task<object?> ExecuteAsync(JsonElement? parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var client = context.State.Client;
        if (client.SupportsWatchedFilesRegistration)
        {
            var options = new DidChangeWatchedFilesRegistrationOptions(WatchedGlobs.Select(g => new Protocol.FileSystemWatcher(g, null)).ToArray());
            var registration = new RegistrationParams([new Registration("cog-lsp-watched-files", Methods.DidChangeWatchedFiles, options)]);
            _ = SendAsync(context, Methods.RegisterCapability, registration);
        }

        if (client.SupportsConfiguration)
        {
            ConfigurationLoader.Request(context);
        }

        return Task.FromResult<object?>(null);
    }

    private static async Task SendAsync(RequestContext context, string method, object parameters)
    {
        try
        {
            await context.Client.RequestAsync<JsonElement?>(method, parameters, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            context.Logger.LogWarning("{Method} was refused by the client: {Message}", method, e.Message);
        }
    }
}
