namespace CogLsp.Server.Protocol;

public sealed record HoverParams(TextDocumentIdentifier TextDocument, Position Position) : TextDocumentPositionParams(TextDocument, Position);

public sealed record Hover(MarkupContent Contents, Range? Range);

public sealed record CompletionParams(TextDocumentIdentifier TextDocument, Position Position) : TextDocumentPositionParams(TextDocument, Position);

public sealed record CompletionItem(string Label)
{
    public int? Kind { get; init; }

    public string? Detail { get; init; }

    public MarkupContent? Documentation { get; init; }

    public string? SortText { get; init; }

    public string? FilterText { get; init; }

    public int? InsertTextFormat { get; init; }

    public TextEdit? TextEdit { get; init; }

    public int[]? Tags { get; init; }
}

public sealed record CompletionList(bool IsIncomplete, CompletionItem[] Items);

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

public sealed record DocumentSymbol(string Name, int Kind, Range Range, Range SelectionRange)
{
    public string? Detail { get; init; }

    public DocumentSymbol[]? Children { get; init; }
}

public sealed record DocumentLinkParams(TextDocumentIdentifier TextDocument);

public sealed record DocumentLink(Range Range, string? Target, string? Tooltip);

public sealed record FoldingRangeParams(TextDocumentIdentifier TextDocument);

public sealed record FoldingRange(int StartLine, int EndLine, string? Kind);

public sealed record InlayHintParams(TextDocumentIdentifier TextDocument, Range Range);

public sealed record InlayHint(Position Position, string Label)
{
    public int? Kind { get; init; }

    public MarkupContent? Tooltip { get; init; }

    public bool? PaddingLeft { get; init; }
}

public sealed record DefinitionParams(TextDocumentIdentifier TextDocument, Position Position) : TextDocumentPositionParams(TextDocument, Position);

public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);

/// <summary>A code lens always carries its command here (the server has no codeLens/resolve).</summary>
public sealed record CodeLens(Range Range, Command? Command);
