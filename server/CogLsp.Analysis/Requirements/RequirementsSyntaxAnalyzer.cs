using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;
using D = CogLsp.Analysis.Requirements.RequirementsDescriptors;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// Reports why pip rejects a line (REQ0001, REQ0002, REQ0101, REQ0102, REQ0410, REQ0411) and options
/// pip silently drops (REQ0103, REQ0104). A line with `${VAR}` references is not judged, because pip
/// substitutes the variables before parsing.
/// </summary>
public sealed class RequirementsSyntaxAnalyzer : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.Requirements;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [D.SyntaxError, D.LegacyVersion, D.UnknownOption, D.AmbiguousOption, D.IgnoredOption, D.IgnoredArgument, D.UnknownMarkerVariable, D.BadMarkerOperator];

    /// <summary>The analysis of one line (usable on any requirement line, e.g. one written in cog.yaml).</summary>
    public static PerLineDiagnostics Lines { get; } = new(LineFlags.Errors | LineFlags.Options | LineFlags.IgnoredArguments, AnalyzeLine);

    public void Analyze(AnalysisContext context) => Lines.Run(context);

    private static void AnalyzeLine(RequirementsLine line, List<LineFinding> sink)
    {
        if (!line.EnvironmentVariables.IsEmpty)
        {
            return;
        }

        foreach (var error in line.Errors)
        {
            var span = error.Span;
            if (error.Kind == RequirementsErrorKind.UnknownOption)
            {
                var written = line.FullText.Substring(error.Span.Start, error.Span.Length);
                var suggestion = SuggestOption(written);
                var finding = LineFinding.Create(D.UnknownOption, span, suggestion is null ? error.Message : $"{error.Message}; did you mean {suggestion}?");
                sink.Add(suggestion is null ? finding : finding.WithProperty("suggestion", suggestion));
                continue;
            }

            var descriptor = error.Kind switch
            {
                RequirementsErrorKind.LegacyVersion => D.LegacyVersion,
                RequirementsErrorKind.AmbiguousOption => D.AmbiguousOption,
                RequirementsErrorKind.MarkerVariable => D.UnknownMarkerVariable,
                RequirementsErrorKind.MarkerOperator => D.BadMarkerOperator,
                _ => D.SyntaxError,
            };
            sink.Add(LineFinding.Create(descriptor, span, error.Message));
        }

        if (line.HasErrors)
        {
            return;
        }

        if (line.Requirement is { IsEditable: false })
        {
            foreach (var option in line.Options)
            {
                if (option.Option is { Scope: not OptionScope.PerRequirement } o)
                {
                    sink.Add(LineFinding.Create(D.IgnoredOption, option.Span, o.LongName));
                }
            }
        }

        foreach (var ignored in line.IgnoredArguments)
        {
            sink.Add(LineFinding.Create(D.IgnoredArgument, ignored.Span, ignored.Text));
        }
    }

    /// <summary>The closest option spelling, when it is close enough to be a typo (for one-letter options, only a case slip).</summary>
    public static string? SuggestOption(string written)
    {
        var spellings = RequirementsOption.All.SelectMany(o => o.AllSpellings);
        if (!written.StartsWith("--", StringComparison.Ordinal))
        {
            return spellings.FirstOrDefault(s => s.Length == written.Length && s != written && s.Equals(written, StringComparison.OrdinalIgnoreCase));
        }

        var best = spellings.Where(s => s.StartsWith("--", StringComparison.Ordinal))
            .Select(s => (s, d: EditDistance.Compute(written.ToLowerInvariant(), s)))
            .OrderBy(p => p.d).ThenBy(p => p.s.Length).First();
        return best.d <= Math.Max(2, written.Length / 3) && best.s != written ? best.s : null;
    }
}
