using System.Text.Json;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Server.Conversion;
using CogLsp.Server.Handlers.Workspace;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Handlers.CodeActions;

/// <summary>
/// workspace/executeCommand `cogLsp.applyCodeAction`: the fallback for clients that cannot create files
/// through a WorkspaceEdit. The server creates the new file itself (never overwriting one that exists),
/// then asks the client to apply the remaining text edits with workspace/applyEdit. A document that
/// changed since the action was offered makes the command fail without touching anything.
/// </summary>
public sealed class ApplyCodeActionCommand : IServerCommand
{
    public const string CommandName = "cogLsp.applyCodeAction";

    public string Name => CommandName;

    public async Task<object?> ExecuteAsync(JsonElement[] arguments, RequestContext context, CancellationToken cancellationToken)
    {
        if (arguments is not [var argument, ..])
        {
            throw new StreamJsonRpc.LocalRpcException($"{CommandName} needs a code action reference as its argument.") { ErrorCode = ErrorCodes.InvalidParams };
        }

        var data = argument.Deserialize(LspJson.TypeInfo<CodeActionData>())
            ?? throw new StreamJsonRpc.LocalRpcException("The command's argument is not a code action reference.") { ErrorCode = ErrorCodes.InvalidParams };
        var (_, item) = CodeActionCatalog.Find(context, data, cancellationToken);
        var converter = context.Converter;
        var model = item.ComputeEdit(cancellationToken);

        // Create files first, refusing any that already exist, so a failure leaves the user's files untouched.
        var created = new List<string>();
        foreach (var create in model.Changes.OfType<CreateFileChange>())
        {
            try
            {
                using var stream = new FileStream(create.Path, FileMode.CreateNew, FileAccess.Write);
                var bytes = System.Text.Encoding.UTF8.GetBytes(create.Content);
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                created.Add(create.Path);
            }
            catch (IOException e)
            {
                foreach (var path in created)
                {
                    File.Delete(path);
                }

                throw new StreamJsonRpc.LocalRpcException($"Could not create {create.Path}: {e.Message}") { ErrorCode = ErrorCodes.RequestFailed };
            }
        }

        if (created.Count > 0 && context.Server is { } server)
        {
            // The new files are on disk now; let the next snapshot read them.
            var changes = created.Select(p => new FileEvent(context.Uris.ToUri(p), 1)).ToArray();
            _ = server.EnqueueInternal(new DidChangeWatchedFilesHandler(), LspJson.ToElement(new DidChangeWatchedFilesParams(changes)));
        }

        var edits = new WorkspaceEditModel([.. model.Changes.Where(c => c is not CreateFileChange)]);
        var edit = WorkspaceEditConverter.Convert(edits, context.Workspace, converter, context.State.Client);
        if (edit is not null && edits.Changes.Length > 0)
        {
            var result = await context.Client.RequestAsync<ApplyWorkspaceEditResult>(Methods.ApplyEdit, new ApplyWorkspaceEditParams(item.Title, edit), cancellationToken).ConfigureAwait(false);
            if (result is not { Applied: true })
            {
                context.Logger.LogWarning("The client did not apply '{Title}': {Reason}", item.Title, result?.FailureReason);
            }
        }

        return null;
    }
}
