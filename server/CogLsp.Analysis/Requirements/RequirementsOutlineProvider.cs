using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;

namespace CogLsp.Analysis.Requirements;

/// <summary>One outline entry per requirement, include and option line.</summary>
public sealed class RequirementsOutlineProvider : IOutlineProvider
{
    public DocumentKind Kind => DocumentKind.Requirements;

    public IEnumerable<OutlineItem> GetOutline(FeatureContext context)
    {
        var tree = RequirementsDocument.GetSyntax(context.Document);
        for (var i = 0; i < tree.Lines.Length; i++)
        {
            var line = tree.Lines[i];
            var lineSpan = tree.ToAbsolute(i, line.Content.Span);
            if (line.Requirement is { } r)
            {
                var name = r.Name?.Text ?? r.Location?.Text ?? line.Content.Text;
                var selection = tree.ToAbsolute(i, r.Name?.Span ?? r.Location?.Span ?? line.Content.Span);
                var detail = r.Form == RequirementForm.Named && r.Location is null ? r.SpecifierSet.ToString() : r.Location?.Text;
                yield return new OutlineItem(name, string.IsNullOrEmpty(detail) ? null : detail, OutlineKind.Package, lineSpan, selection);
                continue;
            }

            foreach (var option in line.Options)
            {
                var kind = option.Option?.Scope == OptionScope.Include ? OutlineKind.Include : OutlineKind.Option;
                yield return new OutlineItem(option.Option?.LongName ?? option.Name.Text, option.Value?.Text, kind, tree.ToAbsolute(i, option.Span), tree.ToAbsolute(i, option.Name.Span));
            }
        }
    }
}
