using System.Collections.Immutable;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Features;

/// <summary>Hover content in Markdown, and the span it describes.</summary>
public sealed record HoverResult(string Markdown, TextSpan Span);

public enum CompletionKind
{
    Keyword,
    Property,
    Value,
    Module,
    Constant,
    Snippet,
    File,
}

/// <summary>
/// One completion proposal. <see cref="ReplaceSpan"/> is the text the proposal replaces (the word
/// being typed); <see cref="InsertText"/> defaults to the label; snippets use LSP's $1/${1:x} syntax.
/// </summary>
public sealed record CompletionItem(string Label, CompletionKind Kind, TextSpan ReplaceSpan)
{
    public string? InsertText { get; init; }

    public bool IsSnippet { get; init; }

    public string? Detail { get; init; }

    public string? DocumentationMarkdown { get; init; }

    public string? SortText { get; init; }

    public string? FilterText { get; init; }

    public bool Deprecated { get; init; }
}

public enum OutlineKind
{
    Key,
    Section,
    Package,
    Include,
    Option,
    Class,
}

/// <summary>An entry of the document outline (LSP document symbols).</summary>
public sealed record OutlineItem(string Name, string? Detail, OutlineKind Kind, TextSpan Span, TextSpan SelectionSpan)
{
    public ImmutableArray<OutlineItem> Children { get; init; } = [];
}

/// <summary>A clickable span: either a local file (<see cref="TargetPath"/>) or a web address (<see cref="TargetUri"/>).</summary>
public sealed record DocumentLinkItem(TextSpan Span, string? TargetPath, string? TargetUri, string? Tooltip);

public enum FoldingKind
{
    Region,
    Comment,
    Imports,
}

/// <summary>A foldable run of lines (zero-based, inclusive).</summary>
public sealed record FoldingRegion(int StartLine, int EndLine, FoldingKind Kind);

/// <summary>A short label shown inline at <see cref="Offset"/> (e.g. "→ 1.11.0+cu113").</summary>
public sealed record InlayHintItem(int Offset, string Label, string? TooltipMarkdown)
{
    public bool PaddingLeft { get; init; } = true;
}

/// <summary>Where a symbol is defined: a file and a span in it.</summary>
public sealed record DefinitionTarget(string Path, TextSpan Span);

/// <summary>A line of text above <see cref="Span"/> that opens the build preview of the cog.yaml at <see cref="CogYamlPath"/> when clicked.</summary>
public sealed record CodeLensItem(TextSpan Span, string Title, string CogYamlPath);
