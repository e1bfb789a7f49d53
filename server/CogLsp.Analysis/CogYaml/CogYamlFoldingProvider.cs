using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;

namespace CogLsp.Analysis.CogYaml;

/// <summary>Folds every multi-line mapping entry and sequence item, and runs of two or more comment lines.</summary>
public sealed class CogYamlFoldingProvider : IFoldingProvider
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public IEnumerable<FoldingRegion> GetFoldingRegions(FeatureContext context)
    {
        var model = CogYamlTree.Model(context.Document);
        var text = context.Document.Text;
        var result = new List<FoldingRegion>();
        foreach (var node in model.Nodes)
        {
            if (node is YamlMapping mapping)
            {
                foreach (var entry in mapping.Entries)
                {
                    Add(entry.Span);
                }
            }
            else if (node is YamlSequence sequence)
            {
                foreach (var item in sequence.Items)
                {
                    Add(item.Span);
                }
            }
        }

        var commentStart = -1;
        var previous = -2;
        foreach (var comment in model.Comments)
        {
            var line = text.GetLineIndex(comment.Start);
            if (text.GetLineText(line).TrimStart().StartsWith('#') && line == previous + 1)
            {
                previous = line;
                continue;
            }

            if (commentStart >= 0 && previous > commentStart)
            {
                result.Add(new FoldingRegion(commentStart, previous, FoldingKind.Comment));
            }

            var standsAlone = text.GetLineText(line).TrimStart().StartsWith('#');
            commentStart = standsAlone ? line : -1;
            previous = standsAlone ? line : -2;
        }

        if (commentStart >= 0 && previous > commentStart)
        {
            result.Add(new FoldingRegion(commentStart, previous, FoldingKind.Comment));
        }

        return result.OrderBy(r => r.StartLine).ThenByDescending(r => r.EndLine).DistinctBy(r => (r.StartLine, r.EndLine));

        void Add(Syntax.Text.TextSpan span)
        {
            var start = text.GetLineIndex(span.Start);
            var end = text.GetLineIndex(Math.Max(span.Start, span.End - 1));
            if (end > start)
            {
                result.Add(new FoldingRegion(start, end, FoldingKind.Region));
            }
        }
    }
}
