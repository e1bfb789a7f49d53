namespace CogLsp.Analysis.Diagnostics;

/// <summary>
/// One rule, defined once: its stable ID (COGnnnn for cog.yaml, REQnnnn for requirements files), a
/// kebab-case name, a title, a message format ({0}, {1}… filled by the analyzer), its default
/// severity and tags, and the text of its documentation section (what it checks and why, a bad and a
/// good example, the fix). docs/diagnostics.md is generated from these descriptors.
/// </summary>
public sealed record DiagnosticDescriptor(
    string Id,
    string Name,
    string Title,
    string MessageFormat,
    DiagnosticSeverity DefaultSeverity,
    string Explanation,
    string BadExample,
    string GoodExample,
    string Fix,
    DiagnosticTags Tags = DiagnosticTags.None)
{
    /// <summary>
    /// Where docs/diagnostics.md is published. By default the copy shipped beside the server binary
    /// (so links work offline); hosts may point it elsewhere at start-up.
    /// </summary>
    public static string DocumentationBase { get; set; } =
        new Uri(Path.Combine(AppContext.BaseDirectory, "docs", "diagnostics.md")).AbsoluteUri;

    /// <summary>
    /// True when every finding of this rule is a condition on which `cog build` stops. Such a finding is
    /// an error in `check`, and `cog-lsp resolve` fails with Cog's message for it (see Cog/CogBuildStoppers).
    /// </summary>
    public bool StopsCogBuild { get; init; }

    /// <summary>The anchor of this rule's section in docs/diagnostics.md.</summary>
    public string Anchor => $"{Id.ToLowerInvariant()}-{Name}";

    /// <summary>The link to this rule's documentation (built once per <see cref="DocumentationBase"/>: every diagnostic carries it).</summary>
    public string HelpUri
    {
        get
        {
            var documentation = DocumentationBase;
            if (_help is { } help && ReferenceEquals(help.Base, documentation))
            {
                return help.Uri;
            }

            var uri = $"{documentation}#{Anchor}";
            _help = new HelpLink(documentation, uri);
            return uri;
        }
    }

    private HelpLink? _help;

    private sealed record HelpLink(string Base, string Uri);

    public string FormatMessage(params object?[] args) =>
        args.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args);
}
