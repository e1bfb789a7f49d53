using CogLsp.Analysis.Features;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>After a pin Cog rewrites, shows the build pip will install ("→ 1.11.0+cu113").</summary>
public sealed class CogRequirementInlayHintProvider(ICogConfigProvider configs) : IInlayHintProvider
{
    public DocumentKind Kind => DocumentKind.Requirements;

    public IEnumerable<InlayHintItem> GetInlayHints(FeatureContext context, TextSpan range)
    {
        if (!context.Workspace.Options.InlayHints || configs.FindConfigFor(context.Workspace, context.Document) is not { } config)
        {
            return [];
        }

        var resolution = CogResolutionCache.Get(context.Workspace, config);
        return resolution.Lines
            .Where(l => l.InstalledVersion is not null && l.InstalledVersion != l.RequestedVersion && l.Span.End <= context.Document.Text.Length && range.Start <= l.Span.End && l.Span.Start <= range.End)
            .Select(l => new InlayHintItem(l.Span.End, "→ " + l.InstalledVersion, CogRequirementHoverProvider.Render(resolution, l, context.Workspace.Options)))
            .ToList();
    }
}
