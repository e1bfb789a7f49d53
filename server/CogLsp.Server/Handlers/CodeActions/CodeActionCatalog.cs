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
}
