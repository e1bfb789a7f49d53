namespace CogLsp.Analysis.Diagnostics;

/// <summary>Rendering hints for a diagnostic, as LSP defines them (faded for unnecessary, struck through for deprecated).</summary>
[Flags]
public enum DiagnosticTags
{
    None = 0,
    Unnecessary = 1,
    Deprecated = 2,
}
