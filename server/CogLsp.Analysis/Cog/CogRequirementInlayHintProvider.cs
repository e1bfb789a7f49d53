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
            .Where(l => IsRewritten(l) && l.Span.End <= context.Document.Text.Length && range.Start <= l.Span.End && l.Span.Start <= range.End)
            .Select(l => Hint(resolution, l, l.Span.End, context.Workspace.Options))
            .ToList();
    }

    /// <summary>True when Cog installs another build than the line asks for (the lines that get a hint).</summary>
    public static bool IsRewritten(CogLineResolution line) => line.InstalledVersion is not null && line.InstalledVersion != line.RequestedVersion;

    /// <summary>The hint for <paramref name="line"/>, placed at <paramref name="position"/>, with the line's hover as its tooltip.</summary>
    public static InlayHintItem Hint(CogResolution resolution, CogLineResolution line, int position, AnalysisOptions options) =>
        new(position, "→ " + line.InstalledVersion, CogRequirementHoverProvider.Render(resolution, line, options));
}
