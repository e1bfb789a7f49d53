using System.Globalization;
using System.Text;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// On a requirement: what pip picks in Cog's image from the indexes it reads (version, file, index,
/// upload date, yank state), and where the answer came from (the network, or the cache and its age).
/// Merged with the other requirement hovers.
/// </summary>
public sealed class IndexHoverProvider(TimeProvider? clock = null) : IHoverProvider
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public DocumentKind Kind => DocumentKind.Requirements;

    public HoverResult? GetHover(FeatureContext context, int offset)
    {
        if (IndexPicks.At(context.Workspace, context.Document, offset) is not ({ } lookup, var pick))
        {
            return null;
        }

        return new HoverResult(Render(lookup, pick, _clock.GetUtcNow()), lookup.Span);
    }

    public static string Render(IndexLookup lookup, IndexPick? pick, DateTimeOffset now)
    {
        var text = new StringBuilder();
        text.Append("**pip in the image** (").Append(IndexPicks.Describe(lookup.Target)).Append(")\n\n");
        if (pick is null)
        {
            text.Append("- waiting for the package index\n");
            return text.ToString();
        }

        switch (pick.Outcome)
        {
            case PickOutcome.Picked when pick.Picked is { } picked:
                text.Append("- installs **").Append(picked.Version).Append("**");
                if (lookup.RewrittenByCog)
                {
                    text.Append(" (Cog's rewrite `").Append(lookup.Project).Append(lookup.Specifier).Append("`)");
                }

                text.Append('\n');
                text.Append(picked.BuildsFromSource
                    ? $"- file: `{picked.BestFile!.FileName}` (sdist: built from source in the image)\n"
                    : $"- file: `{picked.BestFile!.FileName}`\n");
                text.Append("- from: ").Append(picked.Source.DisplayUrl).Append('\n');
                if (picked.BestFile.UploadTime is { } uploaded)
                {
                    text.Append("- uploaded: ").Append(uploaded.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
                }

                text.Append(picked.Yanked
                    ? $"- **yanked**{(string.IsNullOrWhiteSpace(picked.YankedReason) ? string.Empty : ": " + picked.YankedReason.Trim())}\n"
                    : "- not yanked\n");
                var newest = pick.NewestForImage;
                if (newest is not null && newest.Version > picked.Version)
                {
                    text.Append("- newest for the image: ").Append(newest.Version).Append('\n');
                }

                break;
            case PickOutcome.Unknown:
                text.Append("- not known: an index did not answer\n");
                break;
            default:
                text.Append("- pip fails: ").Append(Outcome(pick.Outcome)).Append('\n');
                break;
        }

        foreach (var answer in pick.Answers)
        {
            text.Append("- ").Append(answer.Query.Source.DisplayUrl).Append(": ").Append(Provenance(answer, now)).Append('\n');
        }

        return text.ToString();
    }

    private static string Outcome(PickOutcome outcome) => outcome switch
    {
        PickOutcome.PinNotListed => "no index lists the pinned version",
        PickOutcome.NothingMatches => "no listed version satisfies the requirement",
        PickOutcome.ProjectNotFound => "no index has the package",
        PickOutcome.NoFileForImage => "no file installs in the image",
        PickOutcome.HashMismatch => "the file it downloads does not match the line's hashes",
        _ => outcome.ToString(),
    };

    /// <summary>Where an answer came from, in words: "read now", "cached, 5 min old", "cached 2 h ago; the index could not be reached".</summary>
    public static string Provenance(IndexAnswer answer, DateTimeOffset now)
    {
        var state = answer.Kind switch
        {
            IndexAnswerKind.Found => "listed",
            IndexAnswerKind.NotFound => "not found",
            _ => "no answer (" + (answer.Problem ?? "unavailable") + ")",
        };
        if (!answer.FromCache)
        {
            return state + ", read from the index";
        }

        var age = Age(now - answer.FetchedAt);
        return answer.Stale
            ? $"{state}, from the cache ({age} old; the index could not be reached to refresh it)"
            : $"{state}, from the cache ({age} old)";
    }

    private static string Age(TimeSpan age) =>
        age < TimeSpan.FromMinutes(1) ? "less than a minute"
        : age < TimeSpan.FromHours(1) ? $"{(int)age.TotalMinutes} min"
        : age < TimeSpan.FromDays(2) ? $"{(int)age.TotalHours} h"
        : $"{(int)age.TotalDays} days";
}
