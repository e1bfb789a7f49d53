namespace CogLsp.Analysis.Cog;

/// <summary>
/// A warning Cog prints while resolving, in Cog's words, and what it is about: a cog.yaml key path
/// ("build.cuda") and/or the input line index it concerns (-1 when none).
/// </summary>
public sealed record CogMessage(string Text, string? Key, int LineIndex = -1)
{
    /// <summary>
    /// The CUDA version Cog suggests on this line ("Try 11.8 instead?"), which it prints after the warning
    /// it belongs to; null for any other message. Fixes read this, never the text.
    /// </summary>
    public string? SuggestedCuda { get; init; }

    /// <summary>The rule a warning about a line is reported under on that line.</summary>
    public CogFindingKind LineKind { get; init; } = CogFindingKind.CogWarning;
}
