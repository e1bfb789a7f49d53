using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;
using D = CogLsp.Analysis.Requirements.RequirementsDescriptors;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// Reports why pip rejects a line (REQ0001, REQ0002, REQ0101, REQ0102, REQ0410, REQ0411) and options
/// pip silently drops (REQ0103, REQ0104, REQ0105). A line with `${VAR}` references is not judged, because pip
/// substitutes the variables before parsing; instead, in a file Cog's build installs, each variable
/// that build does not set is reported (REQ0004).
/// </summary>
public sealed class RequirementsSyntaxAnalyzer : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.Requirements;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [D.SyntaxError, D.LegacyVersion, D.UnknownOption, D.AmbiguousOption, D.IgnoredOption, D.IgnoredArgument, D.IgnoredBesideInclude, D.UnknownMarkerVariable, D.BadMarkerOperator, D.EnvironmentVariableNotSet];

    /// <summary>The analysis of one line (usable on any requirement line, e.g. one written in cog.yaml).</summary>
    public static PerLineDiagnostics Lines { get; } = new(LineFlags.Errors | LineFlags.Options | LineFlags.IgnoredArguments, AnalyzeLine);

    /// <summary>
    /// Variables set in every image build before Cog installs the requirements: by Docker for every step
    /// (PATH, HOME, HOSTNAME) and by the ENV lines Cog writes ahead of the install (Cog commit 6110c912,
    /// pkg/dockerfile/standard_generator.go).
    /// </summary>
    private static readonly HashSet<string> SetByEveryBuild =
        ["PATH", "HOME", "HOSTNAME", "DEBIAN_FRONTEND", "PYTHONUNBUFFERED", "LD_LIBRARY_PATH", "NVIDIA_DRIVER_CAPABILITIES", "CFLAGS"];

    public void Analyze(AnalysisContext context)
    {
        Lines.Run(context);
        ReportVariablesNotSet(context);
    }

    /// <summary>
    /// pip expands `${NAME}` only when NAME is set and not empty. This depends on the cog.yaml files that
    /// install this file, so it is not a per-line finding (it is not kept in the line memo); it is looked
    /// for only on the lines that name variables, and only in files a cog.yaml reaches: elsewhere nothing
    /// says where pip will run.
    /// </summary>
    private static void ReportVariablesNotSet(AnalysisContext context)
    {
        var tree = RequirementsDocument.GetSyntax(context.Document);
        HashSet<string>? set = null;
        foreach (var (i, line, _, _, _) in tree.LinesWith(LineFlags.EnvironmentVariables))
        {
            set ??= SetInEveryBuild(context);
            if (set is null)
            {
                return;
            }

            foreach (var variable in line.EnvironmentVariables)
            {
                if (!set.Contains(variable.Text[2..^1]))
                {
                    context.Report(D.EnvironmentVariableNotSet, tree.ToAbsolute(i, variable.Span), variable.Text);
                }
            }
        }
    }

    /// <summary>The variables set (and not empty) in the build of every cog.yaml that installs this file; null when none does.</summary>
    private static HashSet<string>? SetInEveryBuild(AnalysisContext context)
    {
        var users = CogProjectLocator.FindCogYamlsUsing(context.Workspace, context.Document.Path);
        if (users.IsEmpty)
        {
            return null;
        }

        HashSet<string>? common = null;
        foreach (var path in users)
        {
            var names = new HashSet<string>(SetByEveryBuild, StringComparer.Ordinal);
            if (context.Workspace.GetDocument(path, DocumentKind.CogYaml) is { } cogYaml
                && CogProjectLocator.GetBuildConfig(context.Workspace, cogYaml) is { } config)
            {
                foreach (var item in config.Environment)
                {
                    var equals = item.IndexOf('=', StringComparison.Ordinal);
                    if (equals > 0 && equals < item.Length - 1)
                    {
                        names.Add(item[..equals]);
                    }
                }
            }

            if (common is null)
            {
                common = names;
            }
            else
            {
                common.IntersectWith(names);
            }
        }

        return common;
    }

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
                sink.Add(suggestion is null ? finding : finding.WithData(new ReplacementData(suggestion)));
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
                if (option.Option is { Scope: not OptionScope.PerRequirement, CountsOnRequirementLines: false } o)
                {
                    sink.Add(LineFinding.Create(D.IgnoredOption, option.Span, o.LongName));
                }
            }
        }

        if (RequirementsIncludes.Followed(line) is { } followed)
        {
            var followedText = Spelled(followed);
            foreach (var option in line.Options)
            {
                // A --hash here is REQ0205's (a hash on a line without a requirement).
                if (!ReferenceEquals(option, followed) && option.Option is { } o && o != RequirementsOption.Hash)
                {
                    sink.Add(LineFinding.Create(D.IgnoredBesideInclude, option.Span, Spelled(option), followedText));
                }
            }
        }

        foreach (var ignored in line.IgnoredArguments)
        {
            sink.Add(LineFinding.Create(D.IgnoredArgument, ignored.Span, ignored.Text));
        }
    }

    /// <summary>An option as the message shows it: its name, then its value (as pip sees it, without quotes).</summary>
    private static string Spelled(OptionSyntax option) =>
        option.Value is null ? option.Name.Text : option.Name.Text + (option.UsesEquals ? "=" : " ") + option.Value.Text;

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
