using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Pep440;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// What the index rules conclude from pip's picks, for any document whose requirements have lookups: a
/// requirements file (REQ06xx, <see cref="IndexAnalyzer"/>) and cog.yaml's python_packages items (their
/// COG076x twins, <see cref="CogYamlIndexAnalyzer"/>). Reads only facts already in the snapshot: a requirement
/// whose pages have not answered yet gets nothing, and an index that could not be read marks no requirement,
/// only one note per document.
/// </summary>
public static class IndexFindings
{
    /// <summary>
    /// Reports the findings on <paramref name="lookups"/> (those of <see cref="AnalysisContext.Document"/>) under
    /// the rules <paramref name="rule"/> gives for the REQ06xx descriptors (themselves, or their twins).
    /// </summary>
    public static void Analyze(AnalysisContext context, IReadOnlyList<IndexLookup> lookups, Func<DiagnosticDescriptor, DiagnosticDescriptor> rule)
    {
        var notChecked = new List<string>();
        string? problem = null;
        foreach (var lookup in lookups)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (IndexPicks.Get(context.Workspace, lookup) is not { } pick)
            {
                continue;
            }

            if (pick.Outcome == PickOutcome.Unknown)
            {
                notChecked.Add(lookup.Project);
                problem ??= pick.Answers.FirstOrDefault(a => a.Kind == IndexAnswerKind.Unavailable) is { } failed
                    ? $"{failed.Query.Source.DisplayUrl}: {failed.Problem ?? "no answer"}"
                    : null;
                continue;
            }

            Report(context, lookup, pick, rule);
        }

        if (notChecked.Count > 0 && lookups.Count > 0)
        {
            var what = notChecked.Count <= 3 ? string.Join(", ", notChecked) : $"{string.Join(", ", notChecked.Take(3))} and {notChecked.Count - 3} more";
            var first = lookups.First(l => l.Project == notChecked[0]);
            context.Report(rule(IndexDescriptors.IndexUnavailable), first.Span, what, problem ?? "the index did not answer");
        }
    }

    private static void Report(AnalysisContext context, IndexLookup lookup, IndexPick pick, Func<DiagnosticDescriptor, DiagnosticDescriptor> rule)
    {
        var image = IndexPicks.Describe(lookup.Target);
        switch (pick.Outcome)
        {
            case PickOutcome.ProjectNotFound:
                context.Report(rule(IndexDescriptors.ProjectNotFound), lookup.Span, lookup.Project, string.Join(", ", lookup.Sources.Select(s => s.DisplayUrl)));
                break;
            case PickOutcome.PinNotListed when lookup.RewrittenByCog:
            case PickOutcome.NoFileForImage when lookup.RewrittenByCog:
                context.Report(rule(IndexDescriptors.CogRewriteMissing), lookup.Span, $"{lookup.Project}{lookup.Specifier}", string.Join(", ", lookup.Sources.Skip(1).Select(s => s.DisplayUrl).DefaultIfEmpty(lookup.Sources[0].DisplayUrl)), image);
                break;
            case PickOutcome.PinNotListed:
            {
                var pinned = Pep440Version.TryParse(lookup.PinnedVersion);
                var nearest = pinned is null ? null : PipPicker.Nearest(pick.Versions, pinned);
                var named = nearest?.Names ?? [];
                var hint = named.Length > 0 ? $" (nearest: {string.Join(", ", named)})" : pick.Versions.Count == 0 ? " (it lists no versions)" : string.Empty;
                context.Report(Diagnostic.Create(rule(IndexDescriptors.PinNotListed), context.Document.Path, lookup.SpecifierSpan, lookup.Project, lookup.PinnedVersion ?? lookup.Specifier.ToString(), hint)
                    .WithData(Choice(lookup, named)));
                break;
            }

            case PickOutcome.NothingMatches:
            {
                var newest = pick.Versions.FirstOrDefault(v => !v.Yanked && !v.IsPrerelease) ?? (pick.Versions.Count > 0 ? pick.Versions[0] : null);
                context.Report(rule(IndexDescriptors.NothingMatches), lookup.SpecifierSpan, lookup.Project, lookup.Specifier.ToString(), newest is null ? string.Empty : $" (newest listed: {newest.Version})");
                break;
            }

            case PickOutcome.NoFileForImage:
                context.Report(rule(IndexDescriptors.NoFileForImage), lookup.Span, lookup.Project, pick.Picked?.Version.ToString() ?? lookup.Specifier.ToString(), image, WhyNoFile(pick));
                break;
            case PickOutcome.Picked when pick.Picked is { } picked:
                if (picked.Yanked)
                {
                    var reason = string.IsNullOrWhiteSpace(picked.YankedReason) ? string.Empty : $": \"{picked.YankedReason.Trim()}\"";
                    var named = PipPicker.Nearest(pick.Versions, picked.Version).Names;
                    context.Report(Diagnostic.Create(rule(IndexDescriptors.YankedPin), context.Document.Path, lookup.SpecifierSpan, lookup.Project, picked.Version.ToString(), reason)
                        .WithData(Choice(lookup, named)));
                }

                if (!lookup.CogSources.IsEmpty && !lookup.CogSources.Contains(picked.Source.Url))
                {
                    var cuda = IndexPicks.CudaOf(lookup.CogSources[0]) ?? "chosen";
                    context.Report(rule(IndexDescriptors.NotFromCogIndex), lookup.Span, string.Join(", ", lookup.CogSources.Select(IndexUrls.Redact)), cuda, picked.BestFile?.FileName ?? picked.Version.ToString(), picked.Source.DisplayUrl);
                }

                if (picked.BuildsFromSource)
                {
                    context.Report(rule(IndexDescriptors.SourceOnly), lookup.Span, lookup.Project, picked.Version.ToString(), image);
                }

                break;
        }
    }

    /// <summary>The versions a fix may pin in place of the specifier; none where the specifier cannot be edited in place.</summary>
    private static VersionChoiceData Choice(IndexLookup lookup, string[] versions) =>
        new(lookup.SpecifierSpan, "==", lookup.SpecifierExact ? [.. versions] : []);

    /// <summary>Why no file of the chosen version installs, from pip's verdicts on its files.</summary>
    private static string WhyNoFile(IndexPick pick)
    {
        var version = pick.Picked?.Version;
        var files = pick.Files.Where(f => version is not null && f.Version == version).ToList();
        if (files.Count == 0)
        {
            return "the index lists the version but no file of it";
        }

        if (files.Any(f => f.Verdict == FileVerdict.RequiresPythonMismatch) && files.All(f => f.Verdict is FileVerdict.RequiresPythonMismatch or FileVerdict.PlatformMismatch))
        {
            var requires = files.Select(f => f.File.RequiresPython).FirstOrDefault(r => !string.IsNullOrEmpty(r));
            return requires is null ? "its Requires-Python excludes this Python" : $"it requires Python {requires}";
        }

        var wheels = files.Where(f => f.IsWheel).Select(f => f.File.FileName).Take(2).ToList();
        return wheels.Count > 0 ? $"only wheels for other Pythons or platforms (e.g. {string.Join(", ", wheels)}) and no source archive" : "no wheel or source archive pip can use";
    }
}
