using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Requirements;
using CogLsp.Syntax.Pep440;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// What one requirement's pick means for the user (REQ0601–REQ0609, see <see cref="IndexDescriptors"/>), as
/// findings at the lookup's spans: relative to the line when the lookup was made for a line at offset 0
/// (<see cref="IndexLookups.ForLine"/>), so they can be remembered with the line and placed where it stands.
/// An <see cref="PickOutcome.Unknown"/> pick proves nothing and gives no finding: the caller notes it once per file.
/// </summary>
public static class IndexFindings
{
    /// <summary>What kept an <see cref="PickOutcome.Unknown"/> pick from an answer ("URL: problem"), or null.</summary>
    public static string? UnavailableProblem(IndexPick pick) =>
        pick.Answers.FirstOrDefault(a => a.Kind == IndexAnswerKind.Unavailable) is { } failed
            ? $"{failed.Query.Source.DisplayUrl}: {failed.Problem ?? "no answer"}"
            : null;

    /// <summary>The one note of a document (REQ0610 or its twin) for the projects no index could answer for, in order, at <paramref name="span"/>.</summary>
    public static LineFinding NotChecked(DiagnosticDescriptor rule, TextSpan span, IReadOnlyList<string> projects, string? problem)
    {
        var what = projects.Count <= 3 ? string.Join(", ", projects) : $"{string.Join(", ", projects.Take(3))} and {projects.Count - 3} more";
        return LineFinding.Create(rule, span, what, problem ?? "the index did not answer");
    }

    public static void Add(IndexLookup lookup, IndexPick pick, List<LineFinding> sink)
    {
        var image = IndexPicks.Describe(lookup.Target);
        switch (pick.Outcome)
        {
            case PickOutcome.ProjectNotFound:
                sink.Add(LineFinding.Create(IndexDescriptors.ProjectNotFound, lookup.Span, lookup.Project, string.Join(", ", lookup.Sources.Select(s => s.DisplayUrl))));
                break;
            case PickOutcome.PinNotListed when lookup.RewrittenByCog:
            case PickOutcome.NoFileForImage when lookup.RewrittenByCog:
                sink.Add(LineFinding.Create(IndexDescriptors.CogRewriteMissing, lookup.Span, $"{lookup.Project}{lookup.Specifier}", string.Join(", ", lookup.Sources.Skip(1).Select(s => s.DisplayUrl).DefaultIfEmpty(lookup.Sources[0].DisplayUrl)), image));
                break;
            case PickOutcome.PinNotListed:
            {
                var pinned = Pep440Version.TryParse(lookup.PinnedVersion);
                var nearest = pinned is null ? null : PipPicker.Nearest(pick.Versions, pinned);
                var named = nearest?.Names ?? [];
                var hint = named.Length > 0 ? $" (nearest: {string.Join(", ", named)})" : pick.Versions.Count == 0 ? " (it lists no versions)" : string.Empty;
                sink.Add(LineFinding.Create(IndexDescriptors.PinNotListed, lookup.SpecifierSpan, lookup.Project, lookup.PinnedVersion ?? lookup.Specifier.ToString(), hint)
                    .WithData(new VersionChoiceData(lookup.SpecifierSpan, "==", [.. named])));
                break;
            }

            case PickOutcome.NothingMatches:
            {
                var newest = pick.Versions.FirstOrDefault(v => !v.Yanked && !v.IsPrerelease) ?? (pick.Versions.Count > 0 ? pick.Versions[0] : null);
                sink.Add(LineFinding.Create(IndexDescriptors.NothingMatches, lookup.SpecifierSpan, lookup.Project, lookup.Specifier.ToString(), newest is null ? string.Empty : $" (newest listed: {newest.Version})"));
                break;
            }

            case PickOutcome.NoFileForImage:
                sink.Add(LineFinding.Create(IndexDescriptors.NoFileForImage, lookup.Span, lookup.Project, pick.Picked?.Version.ToString() ?? lookup.Specifier.ToString(), image, WhyNoFile(lookup, pick)));
                break;
            case PickOutcome.HashMismatch when pick.Picked is { BestFile: { } file } picked:
                sink.Add(LineFinding.Create(IndexDescriptors.HashMismatch, lookup.Span, lookup.Project, picked.Version.ToString(), file.FileName, Digests(file, lookup.Options.Hashes)));
                break;
            case PickOutcome.Picked when pick.Picked is { } picked:
                if (picked.Yanked)
                {
                    var reason = string.IsNullOrWhiteSpace(picked.YankedReason) ? string.Empty : $": \"{picked.YankedReason.Trim()}\"";
                    var named = PipPicker.Nearest(pick.Versions, picked.Version).Names;
                    sink.Add(LineFinding.Create(IndexDescriptors.YankedPin, lookup.SpecifierSpan, lookup.Project, picked.Version.ToString(), reason)
                        .WithData(new VersionChoiceData(lookup.SpecifierSpan, "==", [.. named])));
                }

                if (!lookup.CogSources.IsEmpty && !lookup.CogSources.Contains(picked.Source.Url))
                {
                    var cuda = IndexPicks.CudaOf(lookup.CogSources[0]) ?? "chosen";
                    sink.Add(LineFinding.Create(IndexDescriptors.NotFromCogIndex, lookup.Span, string.Join(", ", lookup.CogSources.Select(IndexUrls.Redact)), cuda, picked.BestFile?.FileName ?? picked.Version.ToString(), picked.Source.DisplayUrl));
                }

                if (picked.BuildsFromSource)
                {
                    // A wheel that would install, ruled out by --no-binary, is the reason to name.
                    var why = pick.Files.Any(f => f.Version == picked.Version && f.IsWheel && f.Verdict == FileVerdict.FormatNotAllowed)
                        ? $"has a wheel for {image}, but {lookup.Options.Formats.Reason(lookup.Project)} rules it out"
                        : $"has no wheel for {image}";
                    sink.Add(LineFinding.Create(IndexDescriptors.SourceOnly, lookup.Span, lookup.Project, picked.Version.ToString(), why));
                }

                break;
        }
    }

    /// <summary>The digests the index lists for <paramref name="file"/> in the algorithms the line uses ("sha256:0123…").</summary>
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
