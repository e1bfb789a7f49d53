using CogLsp.Server.Conversion;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Handlers.CodeActions;

/// <summary>codeAction/resolve: computes the edit of an action offered earlier; refuses (ContentModified) when the document changed since.</summary>
public sealed class CodeActionResolveHandler : LspHandler<CodeAction, CodeAction>
{
    public override string Method => Methods.CodeActionResolve;

    protected override Task<CodeAction> ExecuteAsync(CodeAction parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var data = LspJson.Deserialize<CodeActionData>(parameters.Data)
            ?? throw new StreamJsonRpc.LocalRpcException("The code action carries no data to resolve it with.") { ErrorCode = ErrorCodes.InvalidParams };
        var (_, item) = CodeActionCatalog.Find(context, data, cancellationToken);
        var converter = context.Converter;
        var edit = WorkspaceEditConverter.Convert(item.ComputeEdit(cancellationToken), context.Workspace, converter, context.State.Client);
        if (edit is null)
        {
            // The client cannot create files through an edit: the server does it when the command runs.
            return Task.FromResult(parameters with { Command = new Command(item.Title, ApplyCodeActionCommand.CommandName, [LspJson.ToElement(data)]) });
        }

        return Task.FromResult(parameters with { Edit = edit });
    }
}
