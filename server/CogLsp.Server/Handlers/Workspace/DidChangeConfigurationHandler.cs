using System.Text.Json;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Handlers.Workspace;

/// <summary>
/// workspace/didChangeConfiguration: clients that support workspace/configuration are asked again
/// (the notification's payload is not reliable across clients); others may push the `cogLsp` object in it.
/// </summary>
public sealed class DidChangeConfigurationHandler : LspHandler<DidChangeConfigurationParams, object?>
{
    public override string Method => Methods.DidChangeConfiguration;

    public override bool MutatesState => true;

    protected override bool AllowsMissingParams => true;

    protected override async Task<object?> ExecuteAsync(DidChangeConfigurationParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        if (context.State.Client.SupportsConfiguration)
        {
            ConfigurationLoader.Request(context);
            return null;
        }

        if (parameters?.Settings is { ValueKind: JsonValueKind.Object } settings)
        {
            var section = settings.TryGetProperty("cogLsp", out var nested) ? nested : settings;
            await new ApplySettingsHandler().HandleAsync(section, context, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }
}
