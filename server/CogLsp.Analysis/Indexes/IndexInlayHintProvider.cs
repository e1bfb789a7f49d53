using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// After a requirement that is not an exact pin, the version pip picks in the image (`→ 2.31.0`); after an
/// exact pin with a newer release for the image, `2.32.3 available`. Off with the other inlay hints
/// (`cogLsp.inlayHints`). Lines Cog rewrites keep Cog's own hint.
/// </summary>
public sealed class IndexInlayHintProvider(TimeProvider? clock = null) : IInlayHintProvider
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public DocumentKind Kind => DocumentKind.Requirements;

    public IEnumerable<InlayHintItem> GetInlayHints(FeatureContext context, TextSpan range)
    {
        if (!context.Workspace.Options.InlayHints)
        {
            yield break;
        }

        foreach (var lookup in IndexLookups.Within(context.Workspace, context.Document, range))
        {
            var end = Math.Max(lookup.Span.End, lookup.SpecifierSpan.End);
            if (lookup.RewrittenByCog || end < range.Start || lookup.Span.Start > range.End || end > context.Document.Text.Length
                || IndexPicks.Get(context.Workspace, lookup) is not { Outcome: PickOutcome.Picked, Picked: { } picked } pick)
            {
                continue;
            }

            var tooltip = IndexHoverProvider.Render(lookup, pick, _clock.GetUtcNow());
            if (lookup.PinnedVersion is null)
            {
                yield return new InlayHintItem(end, "→ " + picked.Version, tooltip);
            }
            else if (pick.NewestForImage is { } newest && newest.Version > picked.Version)
            {
                yield return new InlayHintItem(end, newest.Version + " available", tooltip);
            }
        }
    }
}
