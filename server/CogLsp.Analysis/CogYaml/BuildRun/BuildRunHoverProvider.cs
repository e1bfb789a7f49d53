using System.Text;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Requirements;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Shell;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml.BuildRun;

/// <summary>
/// Hover on a requirement argument of a `pip install` in build.run: pip's reading of it (the hover of
/// the same text as a requirements-file line), then what the command does with it: when it runs (after
/// the requirements and Cog's SDK), the indexes and options it installs with, and whether it keeps or
/// replaces a version the requirements pin; then, with the package indexes on, what pip picks for it there.
/// </summary>
public sealed class BuildRunHoverProvider(ICogConfigProvider configs, TimeProvider? clock = null) : IHoverProvider
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    private static readonly RequirementsHoverProvider PipHover = new();

    public DocumentKind Kind => DocumentKind.CogYaml;

    public HoverResult? GetHover(FeatureContext context, int offset)
    {
        if (RunCommandItems.At(context.Document, offset) is not { } item || item.ValueIndexAt(offset) is not { } index)
        {
            return null;
        }

        foreach (var pip in item.Pip)
        {
            if (!pip.IsInstall)
            {
                continue;
            }

            foreach (var argument in pip.Arguments)
            {
                if (argument.Span.Touches(index) && !argument.HasExpansion && BuildRunAnalyzer.SplitByRedirect(pip.Command, argument) is null)
                {
                    return Hover(context, item, pip, argument, index, offset);
                }
            }
        }

        return null;
    }

    private HoverResult Hover(FeatureContext context, RunCommandItem item, PipInvocation pip, ShellWord argument, int index, int offset)
    {
        var parts = new List<string>();
        var span = item.MapSpan(argument.Span);
        // The character of the argument's value under the cursor (quotes map to the next character).
        var at = 0;
        while (at < argument.Offsets.Length && argument.Offsets[at] < index)
        {
            at++;
        }

        if (argument.Value.Length > 0 && argument.Value[0] != '\uFEFF')
        {
            var line = new Document(context.Document.Path, SourceText.From(argument.Value), DocumentKind.Requirements, null);
            if (PipHover.GetHover(context with { Document = line }, at) is { } hover)
            {
                parts.Add(hover.Markdown);
                span = item.MapSpan(argument.MapValueSpan(hover.Span));
            }
        }

        parts.Add(RunPart(context, item, pip, argument));

        // What pip picks for the argument from the command's indexes (as on a requirements line).
        if (Indexes.IndexPicks.At(context.Workspace, context.Document, offset) is ({ } lookup, var pick))
        {
            parts.Add(Indexes.IndexHoverProvider.Render(lookup, pick, _clock.GetUtcNow()));
        }

        return new HoverResult(string.Join("\n\n---\n\n", parts), span);
    }

    private string RunPart(FeatureContext context, RunCommandItem item, PipInvocation pip, ShellWord argument)
    {
        var text = new StringBuilder();
        text.Append($"**{item.Name}** · `{pip.Launcher} install` runs after Cog has installed the requirements and its SDK, so what it installs replaces what they installed.\n");
        if (pip.IndexUrl is { } indexUrl)
        {
            text.Append($"\n- index: {indexUrl.Value} (instead of PyPI)");
        }

        foreach (var extra in pip.ExtraIndexUrls)
        {
            text.Append($"\n- extra index: {extra.Value}");
        }

        foreach (var links in pip.FindLinks)
        {
            text.Append($"\n- find links: {links.Value}");
        }

        var options = new[] { (pip.Upgrade, "`--upgrade`: installed packages are replaced by the newest allowed version"), (pip.ForceReinstall, "`--force-reinstall`: installed packages are installed again"), (pip.NoDeps, "`--no-deps`: dependencies are neither installed nor changed"), (pip.Pre, "`--pre`: pre-releases count"), (pip.InstallsElsewhere, "`--target`/`--prefix`/`--root`: installs outside the image's Python") };
        foreach (var (on, words) in options)
        {
            if (on)
            {
                text.Append($"\n- {words}");
            }
        }

        if (configs.ReadConfig(context.Workspace, context.Document) is { } config)
        {
            var resolution = CogResolutionCache.Get(context.Workspace, config);
            if (RunReinstall.Find(pip, argument, resolution) is { } reinstall)
            {
                var (where, _) = BuildRunAnalyzer.PinnedWhere(context.Document, config, resolution, reinstall.Pinned);
                text.Append($"\n- replaces `{reinstall.Pinned.Package}=={reinstall.Pinned.RequestedVersion}` ({reinstall.PinnedVersion}) from {where}: {reinstall.Why}");
                if (reinstall.Pinned.Index == resolution.CudaSourceLine && resolution.CudaSource is CudaSource.TorchPin or CudaSource.TensorFlowPin && resolution.Cuda is { } cuda)
                {
                    text.Append($"\n- Cog chose CUDA {cuda} and {resolution.BaseImage ?? resolution.CogBaseImage} from that pin, not from this command");
                }
            }
            else if (Kept(pip, argument, resolution) is { } kept)
            {
                text.Append($"\n- keeps `{kept.Package}=={kept.RequestedVersion}` from the requirements: it is installed already and `{argument.Value}` allows it");
            }
        }

        return text.ToString();
    }

    /// <summary>The pinned line the argument names when pip keeps it (no replacement).</summary>
    private static CogLineResolution? Kept(PipInvocation pip, ShellWord argument, CogResolution resolution)
    {
        if (pip.InstallsElsewhere || Syntax.Requirements.RequirementsLine.Parse(argument.Value).Requirement?.NormalizedName is not { } name)
        {
            return null;
        }

        return resolution.Lines.FirstOrDefault(l => l.Package is not null && l.RequestedVersion is not null && l.Output is not null && Syntax.Pep440.PackageName.Normalize(l.Package) == name);
    }
}
