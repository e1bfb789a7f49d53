using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// COG0001: cog.yaml is not well-formed YAML (first parser error at its position, and aliases to unknown
/// anchors). Also the reading problems that are not syntax: duplicate keys (COG0002), alias bombs (COG0003),
/// a second document (COG0004) and nesting too deep to analyse (COG0005).
/// </summary>
public sealed class YamlSyntaxAnalyzer : IDiagnosticAnalyzer
{
    /// <summary>More expanded nodes than this is treated as an alias bomb (no honest cog.yaml comes close).</summary>
    public const long MaxExpandedNodes = 1_000_000;

    public static readonly DiagnosticDescriptor YamlSyntaxError = new(
        "COG0001", "yaml-syntax-error", "cog.yaml is not valid YAML",
        "YAML syntax error: {0}", DiagnosticSeverity.Error,
        "Cog reads cog.yaml with a YAML parser before anything else; a syntax error stops `cog build` and `cog predict` at once. The range marks where the parser gave up, which is often just after the real mistake (an unclosed quote, a tab used for indentation, a missing colon).",
        "build:\n  python_version: \"3.11\n  gpu: true",
        "build:\n  python_version: \"3.11\"\n  gpu: true",
        "Correct the YAML at the marked position. Indent with spaces, close every quote and bracket, and put `: ` between a key and its value.")
    {
        StopsCogBuild = true,
    };

    public DocumentKind Kind => DocumentKind.CogYaml;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [YamlSyntaxError, CogYamlDiagnostics.DuplicateKey, CogYamlDiagnostics.ExcessiveAliasing, CogYamlDiagnostics.ExtraDocument, CogYamlDiagnostics.TooDeep];

    public void Analyze(AnalysisContext context)
    {
        var model = CogYamlTree.Model(context.Document);
        var text = context.Document.Text;
        foreach (var error in model.Errors)
        {
            if (error.Kind == YamlErrorKind.TooDeep)
            {
                context.Report(CogYamlDiagnostics.TooDeep, error.Span, error.Message);
            }
            else
            {
                context.Report(YamlSyntaxError, error.Span, error.Message);
            }
        }

        // A key written twice stops Cog only in a mapping Go's decoder visits: the build stoppers decide.
        foreach (var stopper in Cog.CogBuildStoppers.InCogYaml(context.Document))
        {
            if (stopper.Shown && ReferenceEquals(stopper.Descriptor, CogYamlDiagnostics.DuplicateKey))
            {
                context.Report(stopper.ToDiagnostic());
            }
        }

        if (model.ExpandedNodeCount > MaxExpandedNodes)
        {
            var firstAlias = model.Nodes.OfType<YamlAlias>().Select(a => a.Span).DefaultIfEmpty(new TextSpan(0, 0)).MinBy(s => s.Start);
            context.Report(CogYamlDiagnostics.ExcessiveAliasing, firstAlias, MaxExpandedNodes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (model.ExtraDocument is { } extra)
        {
            context.Report(CogYamlDiagnostics.ExtraDocument, extra.IsEmpty && extra.Start < text.Length ? new TextSpan(extra.Start, Math.Min(3, text.Length - extra.Start)) : extra);
        }
    }

    /// <summary>The first syntax error, with its span in UTF-16 offsets, from the document's memoised model.</summary>
    public static (TextSpan Span, string Message)? FindFirstError(Document document)
    {
        var error = CogYamlTree.Model(document).Errors.FirstOrDefault(e => e.Kind == YamlErrorKind.Syntax);
        return error is null ? null : (error.Span, error.Message);
    }
}
