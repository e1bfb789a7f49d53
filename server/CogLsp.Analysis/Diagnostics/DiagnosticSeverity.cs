namespace CogLsp.Analysis.Diagnostics;

/// <summary>
/// How serious a finding is. The product's rule: Error where Cog's build (or pip) fails; Warning where
/// Cog or pip silently does something other than what the file seems to say; Information where Cog's
/// magic is being shown; Hint for style. The numbers match LSP's DiagnosticSeverity.
/// </summary>
public enum DiagnosticSeverity
{
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
}
