using System.Text.Json;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Handlers.Workspace;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Handlers.Lifecycle;

/// <summary>
/// initialized: asks the client to watch cog.yaml and requirements files on disk (so edits made outside
/// the editor are seen) and reads the `cogLsp` settings. Both requests are sent without waiting, so a
/// slow client never holds up the queue; the settings are applied when they arrive. It also asks this
/// machine once for its GPUs (nvidia-smi) and its cog (`cog --version`), each bounded by a timeout.
/// </summary>
public sealed class InitializedHandler(IProcessRunner runner) : LspHandler<JsonElement?, object?>
{
    /// <summary>The file globs of every registered document kind.</summary>
    public static readonly string[] WatchedGlobs = [.. DocumentKindRegistration.All.SelectMany(r => r.FileGlobs)];

    public override string Method => Methods.Initialized;

    public override bool MutatesState => true;

    protected override bool AllowsMissingParams => true;

    protected override Task<object?> ExecuteAsync(JsonElement? parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var state = context.State;
        if (state.Machine is null)
        {
            // Once per server start, even if a client sends `initialized` again.
            state.Machine = MachineProbe.Run(runner, askGpus: true);
            state.Workspace = state.Workspace.WithOptions(state.Machine.ApplyTo(state.Workspace.Options, state.TargetGpus));
            if (state.Machine.CogVersion is not null || !state.Machine.Gpus.IsEmpty)
            {
                context.Logger.LogInformation("This machine: cog {Cog}; GPUs {Gpus}", state.Machine.CogVersion ?? "not found", string.Join(", ", state.Machine.Gpus.Select(g => g.Capability.SmName)));
            }
        }

        var client = context.State.Client;
        if (client.SupportsWatchedFilesRegistration)
        {
            var options = new DidChangeWatchedFilesRegistrationOptions(WatchedGlobs.Select(g => new Protocol.FileSystemWatcher(g, null)).ToArray());
            var registration = new RegistrationParams([new Registration("cog-lsp-watched-files", Methods.DidChangeWatchedFiles, options)]);
            _ = SendAsync(context, Methods.RegisterCapability, registration);
        }

        if (client.SupportsConfiguration)
        {
            state.AwaitingSettings = true;
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
