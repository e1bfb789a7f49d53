using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Requirements;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// Hover on a build.python_packages item: what a requirements-file line shows — pip's reading of the
/// requirement or option under the cursor (on the line pip reads for the item) and what Cog installs for
/// the item (wheel, CPython tag, index, CUDA/cuDNN, base image), then what pip picks for it from the package
/// indexes when they are on (<see cref="Indexes.IndexHoverProvider"/>'s section).
/// </summary>
public sealed class PythonPackageItemHoverProvider(ICogConfigProvider configs, TimeProvider? clock = null) : IHoverProvider
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private static readonly RequirementsHoverProvider PipHover = new();

    public DocumentKind Kind => DocumentKind.CogYaml;

    public HoverResult? GetHover(FeatureContext context, int offset)
    {
        if (PythonPackageItems.At(context.Document, offset) is not { } item)
        {
            return null;
        }

        var parts = new List<string>();
        TextSpan? span = null;
        if (PipPart(context, item, offset) is { } pip)
        {
            parts.Add(pip.Markdown);
            span = pip.Span;
        }

        if (configs.ReadConfig(context.Workspace, context.Document) is { } config)
        {
            var resolution = CogResolutionCache.Get(context.Workspace, config);
            var line = resolution.FromPythonPackages ? resolution.Lines.FirstOrDefault(l => l.Line.FromPythonPackages && l.Index == item.Index) : null;
            if (line is not null)
            {
                parts.Add(CogRequirementHoverProvider.Render(resolution, line, context.Workspace.Options));
                span ??= item.Map.Map(line.Span);
            }
        }

        // What pip picks for the item from the indexes of the file Cog generates (as on a requirements line).
        if (Indexes.IndexPicks.At(context.Workspace, context.Document, offset) is ({ } lookup, var pick))
        {
            parts.Add(Indexes.IndexHoverProvider.Render(lookup, pick, _clock.GetUtcNow()));
            span ??= lookup.Span;
        }

        return parts.Count == 0 ? null : new HoverResult(string.Join("\n\n---\n\n", parts), span!.Value);
    }

    /// <summary>The requirements-file hover of the line pip reads for the item, at the same character.</summary>
    private static HoverResult? PipPart(FeatureContext context, PythonPackageItem item, int offset)
    {
        if (item.ValueIndexAt(offset) is not { } index || index < item.PipTextOffset || index > item.PipTextOffset + item.PipText.Length || item.PipText.Length == 0 || item.PipText[0] == '\uFEFF')
        {
            return null;
        }

        var line = new Document(context.Document.Path, SourceText.From(item.PipText), DocumentKind.Requirements, null);
        var hover = PipHover.GetHover(context with { Document = line }, index - item.PipTextOffset);
        return hover is null ? null : hover with { Span = item.MapPipSpan(hover.Span) };
    }
}
