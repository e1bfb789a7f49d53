using System.Text.Json;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Handlers.Workspace;

/// <summary>
/// workspace/didChangeConfiguration: clients that support workspace/configuration are asked again
/// (the notification's payload is not reliable across clients), and its `cogLsp` object counts only when
/// their answer has none; other clients may push the `cogLsp` object in it.
/// </summary>
public sealed class DidChangeConfigurationHandler : LspHandler<DidChangeConfigurationParams, object?>
{
    public override string Method => Methods.DidChangeConfiguration;

    public override bool MutatesState => true;

    protected override bool AllowsMissingParams => true;

    protected override async Task<object?> ExecuteAsync(DidChangeConfigurationParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        JsonElement? section = parameters?.Settings is { ValueKind: JsonValueKind.Object } settings
            ? settings.TryGetProperty("cogLsp", out var nested) ? nested : settings
            : null;
        if (context.State.Client.SupportsConfiguration)
        {
            // The pushed object is the fallback when the answer has no cogLsp object.
            ConfigurationLoader.Request(context, section?.Clone());
            return null;
        }

        if (section is not null)
        {
            await new ApplySettingsHandler().HandleAsync(section, context, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }
}
