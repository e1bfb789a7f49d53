using System.Text.Json.Serialization;

namespace CogLsp.Server.Protocol;

public sealed record CodeDescription(string Href);

public sealed record DiagnosticRelatedInformation(Location Location, string Message);

public sealed record Diagnostic(Range Range, int Severity, string Code, string Source, string Message)
{
    public CodeDescription? CodeDescription { get; init; }

    public int[]? Tags { get; init; }

    public DiagnosticRelatedInformation[]? RelatedInformation { get; init; }

    /// <summary>
    /// What a fix needs: an Analysis fix-data record (written with its own properties, numbers as numbers)
    /// or a string dictionary of plain properties; null when there is none.
    /// </summary>
    public object? Data { get; init; }
}

public sealed record PublishDiagnosticsParams(string Uri, int? Version, Diagnostic[] Diagnostics);

public sealed record DocumentDiagnosticParams(TextDocumentIdentifier TextDocument, string? Identifier, string? PreviousResultId);

/// <summary>Either a full report (kind "full", with items) or "unchanged" (no items).</summary>
public sealed record DocumentDiagnosticReport(string Kind, string ResultId)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Diagnostic[]? Items { get; init; }
}
