namespace CogLsp.Server.Handlers.CodeActions;

/// <summary>What codeAction/resolve needs to find the same action again: the request, the document version, and the action's place and title.</summary>
public sealed record CodeActionData(string Uri, int? Version, Protocol.Range Range, string[]? Only, int Index, string Title);
