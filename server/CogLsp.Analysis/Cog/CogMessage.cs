namespace CogLsp.Analysis.Cog;

/// <summary>
/// A warning Cog prints while resolving, in Cog's words, and what it is about: a cog.yaml key path
/// ("build.cuda") and/or the input line index it concerns (-1 when none).
/// </summary>
public sealed record CogMessage(string Text, string? Key, int LineIndex = -1);
