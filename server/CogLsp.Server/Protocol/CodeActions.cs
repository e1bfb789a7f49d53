using System.Text.Json;
using System.Text.Json.Serialization;

namespace CogLsp.Server.Protocol;

public sealed record CodeActionContext(Diagnostic[] Diagnostics, string[]? Only, int? TriggerKind);

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

public sealed record CodeAction(string Title)
{
    public string? Kind { get; init; }

    public Diagnostic[]? Diagnostics { get; init; }

    public bool? IsPreferred { get; init; }

    public WorkspaceEdit? Edit { get; init; }

    public Command? Command { get; init; }

    public JsonElement? Data { get; init; }
}

public sealed record Command(string Title, [property: JsonPropertyName("command")] string CommandName, JsonElement[]? Arguments);

public sealed record TextDocumentEdit(OptionalVersionedTextDocumentIdentifier TextDocument, TextEdit[] Edits);

public sealed record CreateFileOptions(bool Overwrite, bool IgnoreIfExists);

/// <summary>A resource operation; "kind" is always "create" here (the server never deletes or renames files).</summary>
public sealed record CreateFile(string Uri, CreateFileOptions? Options)
{
    public string Kind { get; init; } = "create";
}

/// <summary>documentChanges holds TextDocumentEdit and CreateFile entries in order; changes is the fallback for clients without documentChanges.</summary>
public sealed record WorkspaceEdit
{
    public object[]? DocumentChanges { get; init; }

    public Dictionary<string, TextEdit[]>? Changes { get; init; }
}

public sealed record ApplyWorkspaceEditParams(string? Label, WorkspaceEdit Edit);

public sealed record ApplyWorkspaceEditResult(bool Applied, string? FailureReason);

public sealed record ExecuteCommandParams(string Command, JsonElement[]? Arguments);
