namespace CogLsp.Analysis.Diagnostics;

/// <summary>
/// The text that should take the place of the diagnostic's span: a key or option spelt as intended, a
/// value written the way Cog reads it, a requirement rewritten so Cog and pip read it alike. A fixer
/// offers exactly this text; nothing is taken from the message.
/// </summary>
public sealed record ReplacementData(string Text) : DiagnosticData;
