using CogLsp.Analysis.Diagnostics;

namespace CogLsp.Analysis.Cog;

/// <summary>The text that replaces a Cog finding's span so that Cog and pip read the same requirement.</summary>
public sealed record CogReplacementData(string Replacement) : DiagnosticData;
