using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Requirements;

/// <summary>Folds runs of two or more consecutive comment-only lines.</summary>
public sealed class RequirementsFoldingProvider : IFoldingProvider
{
    public DocumentKind Kind => DocumentKind.Requirements;

    public IEnumerable<FoldingRegion> GetFoldingRegions(FeatureContext context)
    {
        var text = context.Document.Text;
        var regions = new List<FoldingRegion>();
        var runStart = -1;
        for (var line = 0; line <= text.LineCount; line++)
        {
            var isComment = line < text.LineCount && text.GetLineText(line).TrimStart().StartsWith('#');
            if (isComment && runStart < 0)
            {
                runStart = line;
            }
            else if (!isComment && runStart >= 0)
            {
                if (line - 1 > runStart)
                {
                    regions.Add(new FoldingRegion(runStart, line - 1, FoldingKind.Comment));
                }

                runStart = -1;
            }
        }

        return regions;
    }
}
