using CogLsp.Syntax.Pep440;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// What `pip install` in the image picks for one requirement, from the pages its sources answered. It
/// follows pip's PackageFinder (LinkEvaluator, CandidateEvaluator) and its resolver's use of it
/// (factory._iter_found_candidates):
/// <list type="number">
/// <item>files: find-links pages first, then index pages, each in source order; only files of the project
/// that install in the image (tags, Requires-Python) are candidates;</item>
/// <item>applicable: candidates whose version the specifier admits, pre-releases only when --pre is set or a
/// clause names one (with no clause at all and no final release, the pre-releases);</item>
/// <item>hashes (the line's `--hash`): when some applicable file lists an allowed digest, files that list
/// only other digests are dropped (files that list none stay);</item>
/// <item>order: a file with an allowed digest first, then not yanked before yanked, then (with
/// `--prefer-binary`) wheels before sdists, then newest version, then the best-ranked wheel tag (an sdist
/// below every wheel), then the highest build tag; equal keys keep the later file;</item>
/// <item>yanked files only when every applicable file is yanked and a clause pins one version (== without
/// a wildcard, or ===).</item>
/// </list>
/// `--no-binary`/`--only-binary` rule files out before all this (<see cref="PipFiles"/>). When the line has
/// hashes and the file pip takes lists digests that cannot match them, pip fails after the download
/// (<see cref="PickOutcome.HashMismatch"/>).
/// Pure: answers in, pick out. The answers must come in the plan's order (<see cref="IndexPlan"/>).
/// </summary>
public static class PipPicker
{
    public static IndexPick Pick(string project, Pep440SpecifierSet specifier, bool pre, ImageTarget target, IReadOnlyList<IndexAnswer> answers, PickOptions? options = null)
    {
        options ??= PickOptions.Default;
        var canonical = PackageName.Normalize(project);
        var files = Evaluate(canonical, target, answers, options.Formats.For(canonical));
        var versions = ListVersions(files, answers, options);
        var pinned = specifier.Specifiers.Any(s => s.IsExactPin);
        var anyUnavailable = answers.Any(a => a.Kind == IndexAnswerKind.Unavailable);

        var outcome = Decide(specifier, pre, pinned, options, files, versions, answers, out var picked);
        if (anyUnavailable && !(outcome == PickOutcome.Picked && pinned))
        {
            // A silent source may list the missing version, a newer one, a file for the image, or a file
            // with an allowed digest (which pip would take first).
            outcome = PickOutcome.Unknown;
        }

        return new IndexPick(outcome, picked, versions, answers) { Files = files };
    }

    /// <summary>The newest listed version below <paramref name="missing"/> and the oldest above it, leaving out
    /// yanked releases, pre-releases (unless <paramref name="missing"/> is one) and, when some version installs
    /// in the image, those that do not.</summary>
    public static NearestVersions Nearest(IReadOnlyList<CandidateVersion> versions, Pep440Version missing)
    {
        var eligible = versions.Where(v => !v.Yanked && (missing.IsPrerelease || !v.IsPrerelease)).ToList();
        if (eligible.Any(v => v.BestFile is not null))
        {
            eligible = eligible.Where(v => v.BestFile is not null).ToList();
        }

        var below = eligible.Where(v => v.Version < missing).MaxBy(v => v.Version);
        var above = eligible.Where(v => v.Version > missing).MinBy(v => v.Version);
        return new NearestVersions(below, above);
    }

    /// <summary>packaging's SpecifierSet.filter as pip's CandidateEvaluator calls it (prereleases = True with
    /// --pre, else None).</summary>
    public static bool[] Admits(Pep440SpecifierSet specifier, bool pre, IReadOnlyList<Pep440Version> versions)
    {
        var result = new bool[versions.Count];
        if (specifier.Specifiers.IsEmpty)
        {
            // No clause: finals; pre-releases with --pre, or when there is no final at all.
            var anyFinal = versions.Any(v => !v.IsPrerelease);
            for (var i = 0; i < versions.Count; i++)
            {
                result[i] = pre || !versions[i].IsPrerelease || !anyFinal;
            }

            return result;
        }

        // With clauses there is no fallback: bool(None) is False for every clause.
        var allowPre = pre || specifier.ImpliesPrereleases;
        for (var i = 0; i < versions.Count; i++)
        {
            result[i] = specifier.Contains(versions[i], allowPre);
        }

        return result;
    }

    private static PickOutcome Decide(
        Pep440SpecifierSet specifier,
        bool pre,
        bool pinned,
        PickOptions options,
        IReadOnlyList<FileEvaluation> files,
        IReadOnlyList<CandidateVersion> versions,
        IReadOnlyList<IndexAnswer> answers,
        out CandidateVersion? picked)
    {
        picked = null;
        var best = Select(files.Where(f => f.IsCandidate).ToList(), specifier, pre, pinned, options);
        if (best is not null)
        {
            picked = new CandidateVersion(best.Version!, best.File.Yanked, best.File.YankedReason, best.File, best.Source);
            return options.Hashes.ProvesMismatch(best.File) ? PickOutcome.HashMismatch : PickOutcome.Picked;
        }

        if (answers.Count > 0 && answers.All(a => a.Kind == IndexAnswerKind.NotFound))
        {
            return PickOutcome.ProjectNotFound;
        }

        if (pinned && !versions.Any(v => specifier.Contains(v.Version, prereleases: true)))
        {
            return PickOutcome.PinNotListed;
        }

        // Would pip have chosen a version if every listed file installed here? Then that version has no file for the image.
        var listed = files.Where(f => f.Verdict is FileVerdict.PlatformMismatch or FileVerdict.RequiresPythonMismatch or FileVerdict.FormatNotAllowed or FileVerdict.Candidate).ToList();
        var blocked = Select(listed, specifier, pre, pinned, options);
        if (blocked is not null)
        {
            picked = versions.First(v => v.Version == blocked.Version);
            return PickOutcome.NoFileForImage;
        }

        // A pinned version named only in a PEP 700 "versions" list, with no file at all.
        if (pinned && versions.FirstOrDefault(v => v.BestFile is null && specifier.Contains(v.Version, prereleases: true)) is { } bare
            && !files.Any(f => f.Version == bare.Version))
        {
            picked = bare;
            return PickOutcome.NoFileForImage;
        }

        return PickOutcome.NothingMatches;
    }

    /// <summary>The resolver's first choice among <paramref name="candidates"/> (in pip's file order), or null.</summary>
    private static FileEvaluation? Select(List<FileEvaluation> candidates, Pep440SpecifierSet specifier, bool pre, bool pinned, PickOptions options)
    {
        var admitted = Admits(specifier, pre, candidates.Select(c => c.Version!).ToList());
        var applicable = candidates.Where((_, i) => admitted[i]).ToList();
        if (applicable.Count == 0)
        {
            return null;
        }

        // pip's filter_unallowed_hashes: once one file matches, files listing only other digests go.
        if (!options.Hashes.IsEmpty && applicable.Any(c => options.Hashes.Allows(c.File)))
        {
            applicable = applicable.Where(c => c.File.Hashes is not { Count: > 0 } || options.Hashes.Allows(c.File)).ToList();
        }

        var allYanked = applicable.All(c => c.File.Yanked);

        // Best first: sort ascending by pip's key (stable), then walk it backwards as the resolver does.
        var order = Enumerable.Range(0, applicable.Count).ToList();
        order.Sort((a, b) =>
        {
            var c = Compare(applicable[a], applicable[b], options);
            return c != 0 ? c : a.CompareTo(b);
        });
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var candidate = applicable[order[i]];
            if (candidate.File.Yanked && !(allYanked && pinned))
            {
                continue;
            }

            return candidate;
        }

        return null;
    }

    /// <summary>pip's CandidateEvaluator._sort_key: (has an allowed hash, not yanked, a wheel under
    /// --prefer-binary, version, tag preference with sdists below every wheel, build tag). Larger is better.</summary>
    internal static int Compare(FileEvaluation a, FileEvaluation b, PickOptions options)
    {
        var c = options.Hashes.Allows(a.File).CompareTo(options.Hashes.Allows(b.File));
        if (c != 0)
        {
            return c;
        }

        c = (a.File.Yanked ? 0 : 1).CompareTo(b.File.Yanked ? 0 : 1);
        if (c != 0)
        {
            return c;
        }

        if (options.PreferBinary)
        {
            c = a.IsWheel.CompareTo(b.IsWheel);
            if (c != 0)
            {
                return c;
            }
        }

        c = a.Version!.CompareTo(b.Version);
        if (c != 0)
        {
            return c;
        }

        // A wheel at position p scores −p; an sdist scores below every wheel.
        c = Rank(a).CompareTo(Rank(b));
        if (c != 0)
        {
            return c;
        }

        var (an, ar) = a.Wheel?.BuildKey ?? (-1, string.Empty);
        var (bn, br) = b.Wheel?.BuildKey ?? (-1, string.Empty);
        c = an.CompareTo(bn);
        return c != 0 ? c : Math.Sign(string.CompareOrdinal(ar, br));
    }

    private static long Rank(FileEvaluation f) => f.TagPriority is { } p ? -(long)p : long.MinValue;

    private static List<FileEvaluation> Evaluate(string canonical, ImageTarget target, IReadOnlyList<IndexAnswer> answers, AllowedFormats formats)
    {
        var result = new List<FileEvaluation>();

        // pip reads find-links sources before index sources (CollectedSources is (find_links, index_urls)).
        foreach (var answer in answers.Where(a => a.Query.Source.Kind == IndexSourceKind.FindLinks)
                     .Concat(answers.Where(a => a.Query.Source.Kind != IndexSourceKind.FindLinks)))
        {
            if (answer is not { Kind: IndexAnswerKind.Found, Page: { } page })
            {
                continue;
            }

            // pip drops repeated links of one page (same URL), keeping the first. Its URL keeps the `#sha256=`
            // fragment, so the same file listed with two digests is two links.
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in page.Files)
            {
                if (!seen.Add(file.Hashes is { Count: > 0 } hashes ? file.Url + "#" + string.Join('&', hashes.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => h.Key + "=" + h.Value)) : file.Url))
                {
                    continue;
                }

                var evaluation = PipFiles.Evaluate(file, answer.Query.Source, canonical, target, formats);
                if (evaluation.Version is not null)
                {
                    result.Add(evaluation);
                }
            }
        }

        return result;
    }

    /// <summary>Every version of the project's files plus PEP 700 declared versions, newest first, each with
    /// the file pip would download for it in the image.</summary>
    private static List<CandidateVersion> ListVersions(List<FileEvaluation> files, IReadOnlyList<IndexAnswer> answers, PickOptions options)
    {
        var result = new List<CandidateVersion>();
        foreach (var group in files.GroupBy(f => f.Version!))
        {
            var all = group.ToList();
            FileEvaluation? best = null;
            foreach (var f in all.Where(f => f.IsCandidate))
            {
                if (best is null || Compare(f, best, options) >= 0)
                {
                    best = f;
                }
            }

            var yanked = all.All(f => f.File.Yanked);
            var reason = yanked ? all.Select(f => f.File.YankedReason).FirstOrDefault(r => !string.IsNullOrEmpty(r)) ?? all[0].File.YankedReason : null;
            result.Add(new CandidateVersion(group.Key, yanked, reason, best?.File, (best ?? all[0]).Source));
        }

        foreach (var answer in answers)
        {
            if (answer is { Kind: IndexAnswerKind.Found, Page.Versions: { } declared })
            {
                foreach (var text in declared)
                {
                    if (Pep440Version.TryParse(text, out var v) && !result.Any(r => r.Version == v))
                    {
                        result.Add(new CandidateVersion(v, false, null, null, answer.Query.Source));
                    }
                }
            }
        }

        result.Sort((a, b) => b.Version.CompareTo(a.Version));
        return result;
    }
}
