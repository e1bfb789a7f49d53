using System.Text.Json.Serialization;

namespace CogLsp.Server.Protocol;

public sealed record CodeDescription(string Href);

public sealed record DiagnosticRelatedInformation(Location Location, string Message);

public sealed record Diagnostic(Range Range, int Severity, string Code, string Source, string Message)
{
    public CodeDescription? CodeDescription { get; init; }

    public int[]? Tags { get; init; }

    public DiagnosticRelatedInformation[]? RelatedInformation { get; init; }

    /// <summary>What a fix needs (numbers as numbers); null when there is none.</summary>
    public DiagnosticData? Data { get; init; }
}

/// <summary>
/// A diagnostic's `data`: every kind of Analysis fix data in one concrete shape, each kind writing only its
/// own fields (the others stay null and are left out). One concrete type keeps the diagnostics of every
/// keystroke on System.Text.Json's generated fast path, which a member typed <c>object</c> would leave.
/// </summary>
public sealed record DiagnosticData
{
    public string? Name { get; init; }

    public string? NormalizedName { get; init; }

    public string? Specifier { get; init; }

    /// <summary>The document span a pin replaces (UTF-16 offsets).</summary>
    public OffsetSpan? Replace { get; init; }

    /// <summary>The document span of a line a fix removes (UTF-16 offsets).</summary>
    public OffsetSpan? Line { get; init; }

    /// <summary>The text that replaces the diagnostic's range.</summary>
    public string? Text { get; init; }

    /// <summary>The CUDA version Cog suggests.</summary>
    public string? Cuda { get; init; }

    /// <summary>The versions a fix may pin instead (nearest listed ones first).</summary>
    public string[]? Versions { get; init; }
}

/// <summary>A span of the document in UTF-16 offsets, as Analysis has it.</summary>
public readonly record struct OffsetSpan(int Start, int Length);

public sealed record PublishDiagnosticsParams(string Uri, int? Version, Diagnostic[] Diagnostics);

public sealed record DocumentDiagnosticParams(TextDocumentIdentifier TextDocument, string? Identifier, string? PreviousResultId);

/// <summary>Either a full report (kind "full", with items) or "unchanged" (no items).</summary>
public sealed record DocumentDiagnosticReport(string Kind, string ResultId)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Diagnostic[]? Items { get; init; }
}
