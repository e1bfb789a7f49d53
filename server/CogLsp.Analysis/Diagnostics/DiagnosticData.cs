namespace CogLsp.Analysis.Diagnostics;

/// <summary>
/// What a code fix needs from the analyzer that found a problem, as typed values (spans, versions,
/// replacement text), so no fixer parses a message or turns strings back into numbers. Each kind is a
/// sealed record of plain values; the server writes it as the LSP diagnostic's `data` (its properties,
/// camelCase) and it reads back into an equal record.
/// </summary>
public abstract record DiagnosticData
{
    /// <summary>
    /// The same data with every document offset it holds moved by <paramref name="delta"/>: a finding made
    /// for a line alone holds offsets in that line, and is placed where the line stands in its document.
    /// </summary>
    public virtual DiagnosticData MoveBy(int delta) => this;
}
