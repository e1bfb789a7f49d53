using System.Text.Json;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Handlers.Workspace;

/// <summary>Internal step (never sent by a client): apply a `cogLsp` settings object to the state and re-check every document.</summary>
public sealed class ApplySettingsHandler : LspHandler<JsonElement?, object?>
{
    public override string Method => "cogLsp/applySettings";

    public override bool MutatesState => true;

    protected override bool AllowsMissingParams => true;

    protected override Task<object?> ExecuteAsync(JsonElement? parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var settings = ServerSettings.Parse(parameters, problems);
        foreach (var problem in problems)
        {
            context.Logger.LogWarning("Setting ignored: {Problem}", problem);
        }

        var state = context.State;
        if (settings.Trace is not null)
        {
            state.Trace = settings.Trace;
        }

        state.TargetGpus = settings.TargetGpus;
        state.AwaitingSettings = false;
        state.Workspace = state.Workspace.WithOptions(settings.ApplyTo(state.Workspace.Options, state.Machine ?? MachineProbe.Empty));
        return Task.FromResult<object?>(null);
    }
}
