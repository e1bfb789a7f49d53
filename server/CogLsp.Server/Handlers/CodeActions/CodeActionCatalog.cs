using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Rpc;
using CogLsp.Syntax.Text;

namespace CogLsp.Server.Handlers.CodeActions;

/// <summary>The list of actions for a request, computed the same way by codeAction and codeAction/resolve.</summary>
public static class CodeActionCatalog
{
    public static IReadOnlyList<CodeActionItem> Collect(RequestContext context, Document document, TextSpan span, string[]? only, CancellationToken cancellationToken)
    {
        var service = new CodeActionService(context.Services, context.Diagnostics);
        var actions = new List<CodeActionItem>(service.GetActions(context.Workspace, document, span, cancellationToken));
        if (only is not null && only.Any(k => k is "source" or "source.fixAll" || k.StartsWith(CodeActionItem.FixAll, StringComparison.Ordinal)))
        {
            actions.AddRange(service.FixAllInFile(context.Workspace, document, cancellationToken));
        }

        return only is null || only.Length == 0
            ? actions
            : actions.Where(a => only.Any(k => a.Kind == k || a.Kind.StartsWith(k + ".", StringComparison.Ordinal))).ToList();
    }

    /// <summary>
    /// The action a client picked earlier (codeAction/resolve, or the apply command), computed again on
    /// the current snapshot. Refused with ContentModified when the document moved on since it was offered.
    /// </summary>
    public static (Document Document, CodeActionItem Item) Find(RequestContext context, CodeActionData data, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(data.Uri);
        if (document is null || document.Version != data.Version)
        {
            throw new StreamJsonRpc.LocalRpcException("The document changed since the action was offered; ask for actions again.") { ErrorCode = Protocol.ErrorCodes.ContentModified };
        }

        var items = Collect(context, document, context.Converter.ToSpan(document.Text, data.Range), data.Only, cancellationToken);
        var item = data.Index < items.Count && items[data.Index].Title == data.Title ? items[data.Index] : items.FirstOrDefault(i => i.Title == data.Title);
        return item is null
            ? throw new StreamJsonRpc.LocalRpcException("The action is no longer available.") { ErrorCode = Protocol.ErrorCodes.ContentModified }
            : (document, item);
    }
}
