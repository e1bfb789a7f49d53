using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// After a build.python_packages item whose pin Cog rewrites, the build pip will install ("→ 2.1.0+cu121"),
/// as after the same line in a requirements file. The hint stands after the item as written (after a
/// closing quote), so it never seems to be part of the string.
/// </summary>
public sealed class PythonPackageItemInlayHintProvider(ICogConfigProvider configs) : IInlayHintProvider
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public IEnumerable<InlayHintItem> GetInlayHints(FeatureContext context, TextSpan range)
    {
        if (!context.Workspace.Options.InlayHints || configs.ReadConfig(context.Workspace, context.Document) is not { } config)
        {
            return [];
        }

        var resolution = CogResolutionCache.Get(context.Workspace, config);
        if (!resolution.FromPythonPackages)
        {
            return [];
        }

        var items = PythonPackageItems.Get(context.Document);
        var hints = new List<InlayHintItem>();
        foreach (var line in resolution.Lines)
        {
            if (!line.Line.FromPythonPackages || !CogRequirementInlayHintProvider.IsRewritten(line) || line.Index >= items.Length)
            {
                continue;
            }

            var node = items[line.Index].Node.Span;
            if (node.End <= context.Document.Text.Length && range.Start <= node.End && node.Start <= range.End)
            {
                hints.Add(CogRequirementInlayHintProvider.Hint(resolution, line, node.End, context.Workspace.Options));
            }
        }

        return hints;
    }
}
