using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Pep440;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// REQ06xx: each requirement against what the indexes pip reads in Cog's image list (see
/// <see cref="IndexDescriptors"/>). Reads only facts already in the snapshot: a requirement whose pages
/// have not answered yet gets nothing, and an index that could not be read marks no line, only one note
/// per file (REQ0610).
/// </summary>
public sealed class IndexAnalyzer : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.Requirements;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [.. IndexDescriptors.All];

    public void Analyze(AnalysisContext context)
    {
        var lookups = IndexLookups.For(context.Workspace, context.Document);
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

            Report(context, lookup, pick);
        }

        if (notChecked.Count > 0 && lookups.Count > 0)
        {
            var what = notChecked.Count <= 3 ? string.Join(", ", notChecked) : $"{string.Join(", ", notChecked.Take(3))} and {notChecked.Count - 3} more";
            var first = lookups.First(l => l.Project == notChecked[0]);
            context.Report(IndexDescriptors.IndexUnavailable, first.Span, what, problem ?? "the index did not answer");
        }
    }

    private static void Report(AnalysisContext context, IndexLookup lookup, IndexPick pick)
    {
        var image = IndexPicks.Describe(lookup.Target);
        switch (pick.Outcome)
        {
            case PickOutcome.ProjectNotFound:
                context.Report(IndexDescriptors.ProjectNotFound, lookup.Span, lookup.Project, string.Join(", ", lookup.Sources.Select(s => s.DisplayUrl)));
                break;
            case PickOutcome.PinNotListed when lookup.RewrittenByCog:
            case PickOutcome.NoFileForImage when lookup.RewrittenByCog:
                context.Report(IndexDescriptors.CogRewriteMissing, lookup.Span, $"{lookup.Project}{lookup.Specifier}", string.Join(", ", lookup.Sources.Skip(1).Select(s => s.DisplayUrl).DefaultIfEmpty(lookup.Sources[0].DisplayUrl)), image);
                break;
            case PickOutcome.PinNotListed:
            {
                var pinned = Pep440Version.TryParse(lookup.PinnedVersion);
                var nearest = pinned is null ? null : PipPicker.Nearest(pick.Versions, pinned);
                var named = nearest?.Names ?? [];
                var hint = named.Length > 0 ? $" (nearest: {string.Join(", ", named)})" : pick.Versions.Count == 0 ? " (it lists no versions)" : string.Empty;
                context.Report(Diagnostic.Create(IndexDescriptors.PinNotListed, context.Document.Path, lookup.SpecifierSpan, lookup.Project, lookup.PinnedVersion ?? lookup.Specifier.ToString(), hint)
                    .WithData(new VersionChoiceData(lookup.SpecifierSpan, "==", [.. named])));
                break;
            }

            case PickOutcome.NothingMatches:
            {
                var newest = pick.Versions.FirstOrDefault(v => !v.Yanked && !v.IsPrerelease) ?? (pick.Versions.Count > 0 ? pick.Versions[0] : null);
                context.Report(IndexDescriptors.NothingMatches, lookup.SpecifierSpan, lookup.Project, lookup.Specifier.ToString(), newest is null ? string.Empty : $" (newest listed: {newest.Version})");
                break;
            }

            case PickOutcome.NoFileForImage:
                context.Report(IndexDescriptors.NoFileForImage, lookup.Span, lookup.Project, pick.Picked?.Version.ToString() ?? lookup.Specifier.ToString(), image, WhyNoFile(lookup, pick));
                break;
            case PickOutcome.HashMismatch when pick.Picked is { BestFile: { } file } picked:
                context.Report(IndexDescriptors.HashMismatch, lookup.Span, lookup.Project, picked.Version.ToString(), file.FileName, Digests(file, lookup.Options.Hashes));
                break;
            case PickOutcome.Picked when pick.Picked is { } picked:
                if (picked.Yanked)
                {
                    var reason = string.IsNullOrWhiteSpace(picked.YankedReason) ? string.Empty : $": \"{picked.YankedReason.Trim()}\"";
                    var named = PipPicker.Nearest(pick.Versions, picked.Version).Names;
                    context.Report(Diagnostic.Create(IndexDescriptors.YankedPin, context.Document.Path, lookup.SpecifierSpan, lookup.Project, picked.Version.ToString(), reason)
                        .WithData(new VersionChoiceData(lookup.SpecifierSpan, "==", [.. named])));
                }

                if (!lookup.CogSources.IsEmpty && !lookup.CogSources.Contains(picked.Source.Url))
                {
                    var cuda = IndexPicks.CudaOf(lookup.CogSources[0]) ?? "chosen";
                    context.Report(IndexDescriptors.NotFromCogIndex, lookup.Span, string.Join(", ", lookup.CogSources.Select(IndexUrls.Redact)), cuda, picked.BestFile?.FileName ?? picked.Version.ToString(), picked.Source.DisplayUrl);
                }

                if (picked.BuildsFromSource)
                {
                    // A wheel that would install, ruled out by --no-binary, is the reason to name.
                    var why = pick.Files.Any(f => f.Version == picked.Version && f.IsWheel && f.Verdict == FileVerdict.FormatNotAllowed)
                        ? $"has a wheel for {image}, but {lookup.Options.Formats.Reason(lookup.Project)} rules it out"
                        : $"has no wheel for {image}";
                    context.Report(IndexDescriptors.SourceOnly, lookup.Span, lookup.Project, picked.Version.ToString(), why);
                }

                break;
        }
    }

    /// <summary>The digests the index lists for <paramref name="file"/> in the algorithms the line uses ("sha256 0123…").</summary>
    private static string Digests(IndexFile file, AllowedHashes hashes) =>
        string.Join(", ", (file.Hashes ?? new Dictionary<string, string>()).Where(h => hashes.Algorithms.Contains(h.Key)).OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key}:{h.Value}"));

    /// <summary>Why no file of the chosen version installs, from pip's verdicts on its files.</summary>
    private static string WhyNoFile(IndexLookup lookup, IndexPick pick)
    {
        var version = pick.Picked?.Version;
        var files = pick.Files.Where(f => version is not null && f.Version == version).ToList();
        if (files.Count == 0)
        {
            return "the index lists the version but no file of it";
        }

        // A file that would install, ruled out by --only-binary (an sdist) or --no-binary (a wheel).
        if (files.FirstOrDefault(f => f.Verdict == FileVerdict.FormatNotAllowed) is { } ruledOut)
        {
            var option = lookup.Options.Formats.Reason(lookup.Project);
            return ruledOut.IsWheel
                ? $"{option} rules out its wheels, and it has no source archive for the image"
                : files.Any(f => f.IsWheel)
                    ? $"{option} rules out its source archive, and none of its wheels installs in the image"
                    : $"it has only a source archive, which {option} rules out";
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
