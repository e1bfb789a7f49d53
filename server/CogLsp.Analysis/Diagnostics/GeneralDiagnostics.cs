using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Diagnostics;

/// <summary>Rules that belong to no file format: suppression comments.</summary>
public static class GeneralDiagnostics
{
    private const string SuppressionWhy =
        "A suppression comment `# cog-lsp: ignore[ID]` silences the named rules on its line (or, when the comment stands alone on a line, on the next line). An ID that names no rule silences nothing, which is almost always a typo.";

    public static readonly DiagnosticDescriptor UnknownSuppressionInCogYaml = new(
        "COG0900", "unknown-suppression-id", "Unknown rule ID in a suppression comment",
        "'{0}' is not a cog-lsp rule ID; this suppression silences nothing", DiagnosticSeverity.Warning,
        SuppressionWhy,
        "build:\n  gpu: true  # cog-lsp: ignore[COG9999]",
        "build:\n  python_version: 3.10  # cog-lsp: ignore[COG0150]",
        "Correct the ID (see this page for the list) or delete the comment.",
        DiagnosticTags.Unnecessary);

    public static readonly DiagnosticDescriptor UnknownSuppressionInRequirements = UnknownSuppressionInCogYaml with
    {
        Id = "REQ0900",
        BadExample = "numpy  # cog-lsp: ignore[REQ9999]",
        GoodExample = "numpy  # cog-lsp: ignore[REQ0101]",
    };

    public static IEnumerable<DiagnosticDescriptor> All => [UnknownSuppressionInCogYaml, UnknownSuppressionInRequirements];

    /// <summary>
    /// The unknown-suppression rule in the ID family of <paramref name="kind"/> (its registration's prefix),
    /// or null for a kind with no registration. A registered kind without one is a programming error that
    /// a test catches.
    /// </summary>
    public static DiagnosticDescriptor? UnknownSuppressionFor(DocumentKind kind) =>
        DocumentKindRegistration.For(kind) is { } registration
            ? All.Single(d => d.Id.StartsWith(registration.DiagnosticPrefix, StringComparison.Ordinal))
            : null;
}
