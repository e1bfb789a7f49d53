using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;

namespace CogLsp.Server.Conversion;

/// <summary>
/// Turns an edit model into an LSP WorkspaceEdit the client can apply. Edits carry the document version
/// they were computed for, so a client refuses them once the text moved on. Returns null when the edit
/// needs a file operation the client cannot do: such an action must not be offered.
/// </summary>
public static class WorkspaceEditConverter
{
    public static WorkspaceEdit? Convert(WorkspaceEditModel model, WorkspaceSnapshot workspace, LspConverter converter, ClientCapabilities client)
    {
        var needsCreate = model.Changes.Any(c => c is CreateFileChange);
        if (needsCreate && !(client.SupportsDocumentChanges && client.SupportsCreateFile))
        {
            return null;
        }

        if (client.SupportsDocumentChanges)
        {
            var changes = new List<object>();
            foreach (var change in model.Changes)
            {
                switch (change)
                {
                    case CreateFileChange create:
                        var uri = converter.ToUri(create.Path);
                        changes.Add(new CreateFile(uri, new CreateFileOptions(Overwrite: false, IgnoreIfExists: false)));
                        if (create.Content.Length > 0)
                        {
                            var zero = new Position(0, 0);
                            changes.Add(new TextDocumentEdit(new OptionalVersionedTextDocumentIdentifier(uri, null), [new TextEdit(new Protocol.Range(zero, zero), create.Content)]));
                        }

                        break;
                    case EditFileChange edit:
                        var text = workspace.GetDocument(edit.Path)?.Text;
                        if (text is null)
                        {
                            return null;
                        }

                        changes.Add(new TextDocumentEdit(
                            new OptionalVersionedTextDocumentIdentifier(converter.ToUri(edit.Path), edit.Version),
                            edit.Changes.Select(c => converter.ToTextEdit(text, c)).ToArray()));
                        break;
                }
            }

            return new WorkspaceEdit { DocumentChanges = changes.ToArray() };
        }

        var map = new Dictionary<string, TextEdit[]>(StringComparer.Ordinal);
        foreach (var edit in model.Changes.OfType<EditFileChange>())
        {
            var text = workspace.GetDocument(edit.Path)?.Text;
            if (text is null)
            {
                return null;
            }

            map[converter.ToUri(edit.Path)] = edit.Changes.Select(c => converter.ToTextEdit(text, c)).ToArray();
        }

        return new WorkspaceEdit { Changes = map };
    }
}
