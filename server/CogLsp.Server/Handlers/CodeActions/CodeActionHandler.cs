using System.Text.Json;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Server.Conversion;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;

namespace CogLsp.Server.Handlers.CodeActions;

/// <summary>
/// textDocument/codeAction: quick fixes for the diagnostics in the range, refactorings, and fix-all.
/// When the client can resolve actions lazily, edits are computed only in codeAction/resolve; the data
/// then carries the document version so a stale resolve is refused.
/// </summary>
public sealed class CodeActionHandler : LspHandler<CodeActionParams, CodeAction[]>, ICapabilityContributor
{
    public override string Method => Methods.CodeAction;

    public void Contribute(ServerCapabilities capabilities, ClientCapabilities client) =>
        capabilities.CodeActionProvider = new CodeActionOptions([CodeActionItem.QuickFix, CodeActionItem.Refactor, CodeActionItem.FixAll, "source.fixAll"], ResolveProvider: client.SupportsCodeActionResolve);

    protected override Task<CodeAction[]> ExecuteAsync(CodeActionParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(parameters.TextDocument.Uri);
        if (document is null || context.Server is null)
        {
            return Task.FromResult<CodeAction[]>([]);
        }

        var converter = context.Converter;
        var items = CodeActionCatalog.Collect(context, document, converter.ToSpan(document.Text, parameters.Range), parameters.Context?.Only, cancellationToken);
        var lazy = context.State.Client.SupportsCodeActionResolve;
        var result = new List<CodeAction>();
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var diagnostics = item.Diagnostics.IsDefaultOrEmpty ? null : item.Diagnostics.Select(d => converter.ToDiagnostic(document.Text, d, p => context.Workspace.GetDocument(p)?.Text)).ToArray();
            var action = new CodeAction(item.Title) { Kind = item.Kind, Diagnostics = diagnostics, IsPreferred = item.IsPreferred ? true : null };
            if (lazy)
            {
                var data = new CodeActionData(parameters.TextDocument.Uri, document.Version, parameters.Range, parameters.Context?.Only, index, item.Title);
                result.Add(action with { Data = LspJson.ToElement(data) });
                continue;
            }

            var model = item.ComputeEdit(cancellationToken);
            var edit = WorkspaceEditConverter.Convert(model, context.Workspace, converter, context.State.Client);
            if (edit is not null)
            {
                result.Add(action with { Edit = edit });
            }
            else if (context.State.Client.SupportsApplyEdit && model.Changes.Any(c => c is CreateFileChange))
            {
                // The client cannot create files through an edit: the server does it when the user picks the action.
                var data = new CodeActionData(parameters.TextDocument.Uri, document.Version, parameters.Range, parameters.Context?.Only, index, item.Title);
                result.Add(action with { Command = new Command(item.Title, ApplyCodeActionCommand.CommandName, [LspJson.ToElement(data)]) });
            }
        }

        return Task.FromResult(result.ToArray());
    }
}
