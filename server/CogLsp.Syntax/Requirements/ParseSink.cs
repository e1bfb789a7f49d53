using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Requirements;

/// <summary>
/// Collects what the line's sub-parsers find, in logical-line coordinates (the joined text pip
/// reads); <see cref="LineParser"/> maps them back to source positions at the end.
/// </summary>
internal sealed class ParseSink(int[]? map)
{
    /// <summary>
    /// For each character of the logical text, its offset in the line's source text (one extra entry
    /// for the end); null when the logical text is the source text itself (a single physical line).
    /// </summary>
    public int[]? Map { get; } = map;

    /// <summary>The source span (relative to the line start) of logical characters [start, end).</summary>
    public TextSpan SourceSpan(int start, int end) =>
        Map is null ? TextSpan.FromBounds(start, Math.Max(start, end))
        : end > start ? TextSpan.FromBounds(Map[start], Map[end - 1] + 1) : new TextSpan(Map[Math.Min(start, Map.Length - 1)], 0);

    /// <summary>The logical offset of a source offset, or -1 when no logical character sits there.</summary>
    public int ToLogical(int sourceOffset) => Map is null ? sourceOffset : Array.IndexOf(Map, sourceOffset);

    public SyntaxValue Value(string text, int start, int end) => new(text[start..end], SourceSpan(start, end));

    public List<(RequirementsTokenKind Kind, int Start, int End)> Tokens { get; } = [];

    public List<(int Start, int End, string Message, RequirementsErrorKind Kind)> Errors { get; } = [];

    public bool HasError => Errors.Count > 0;

    public void Token(RequirementsTokenKind kind, int start, int end)
    {
        if (end > start)
        {
            Tokens.Add((kind, start, end));
        }
    }

    /// <summary>Records an error; only the first one counts, because pip stops at the first.</summary>
    public void Error(int start, int end, string message, RequirementsErrorKind kind = RequirementsErrorKind.Requirement)
    {
        if (Errors.Count == 0)
        {
            Errors.Add((start, Math.Max(start, end), message, kind));
        }
    }
}
