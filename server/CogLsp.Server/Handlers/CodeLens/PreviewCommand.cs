using System.Text.Json;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Handlers.Workspace;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Handlers.CodeLens;

/// <summary>
/// workspace/executeCommand `cogLsp.preview` with a cog.yaml URI (or the URI of a requirements file a
/// cog.yaml uses): returns the build preview as one Markdown string (<see cref="CogBuildPreview"/>), read
/// from the snapshot, so unsaved edits count. Editors without code lens can call it directly.
/// </summary>
public sealed class PreviewCommand : IServerCommand
{
    public const string CommandName = "cogLsp.preview";

    public string Name => CommandName;

    public Task<object?> ExecuteAsync(JsonElement[] arguments, RequestContext context, CancellationToken cancellationToken)
    {
        if (arguments is not [{ ValueKind: JsonValueKind.String } argument, ..] || argument.GetString() is not { Length: > 0 } uri)
        {
            throw Invalid($"{CommandName} needs the URI of a cog.yaml as its argument.");
        }

        var document = context.GetDocument(uri) ?? throw Invalid($"{CommandName}: cannot read {uri}.");
        var cogYaml = CogBuildPreview.FindCogYaml(context.Workspace, document)
            ?? throw Invalid($"{CommandName}: {uri} is neither a cog.yaml nor a requirements file a cog.yaml uses.");
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult<object?>(CogBuildPreview.Preview(context.Workspace, cogYaml));
    }

    private static StreamJsonRpc.LocalRpcException Invalid(string message) => new(message) { ErrorCode = ErrorCodes.InvalidParams };
}
