using CogLsp.Analysis.Cog;
using CogLsp.Analysis.CogYaml.BuildRun;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Pep440;
using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Shell;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The requirement arguments of the `pip install` commands in build.run (and pre_install) as pip in Cog's image
/// looks them up. pip there reads the command's own index options, combined as pip's command line does
/// (`--no-index` drops every index, `-i/--index-url` replaces the default index, `--extra-index-url` and
/// `-f/--find-links` add, `--pre` admits pre-releases), and otherwise the default index; the image is the one
/// the requirements are installed in. Left out, because what pip reads there is not known here: `uv pip`
/// (uv takes a package from the first index that has it, not pip's newest of all), commands with `-r` files
/// (their option lines are files in the image), options or arguments with shell expansions, commands that read
/// no source, and arguments naming a package the requirements pin at a version the argument allows (pip keeps
/// the installed one and asks no index, <see cref="RunReinstall"/>).
/// Spans are in cog.yaml, through the shell word's offsets and the YAML scalar map.
/// Empty when package indexes are off. Memoised per snapshot and document.
/// </summary>
public static class BuildRunIndexLookups
{
    public static IReadOnlyList<IndexLookup> For(WorkspaceSnapshot workspace, Document document) =>
        !workspace.Options.PackageIndex.Enabled || document.Kind != DocumentKind.CogYaml || !RunCommandItems.Get(document).Any(i => i.Pip.Any(p => p.IsInstall))
            ? []
            : workspace.GetOrAdd(("build-run-index-lookups", document.Path, document.Version, document.Text), w => Compute(w, document));

    /// <summary>The sources, image and `--pre` pip uses for one `pip install` of the cog.yaml; null when they are not known here (see above) or it reads no source.</summary>
    internal static IndexFilePlan? PlanFor(WorkspaceSnapshot workspace, Document document, PipInvocation pip)
    {
        var (config, resolution) = Project(workspace, document);
        return PlanFor(workspace, pip, () => CogImageTargets.ForProject(config, resolution, workspace.Options.TargetArch));
    }

    private static IndexFilePlan? PlanFor(WorkspaceSnapshot workspace, PipInvocation pip, Func<ImageTarget> target)
    {
        var options = workspace.Options.PackageIndex;
        var settings = new IndexSettings(options.DefaultIndexUrl, options.PyTorchBaseUrl);
        return !options.Enabled || !pip.IsInstall || pip.IsUv || !pip.RequirementFiles.IsEmpty || Plan(pip, settings) is not { Sources.IsEmpty: false } plan
            ? null
            : new IndexFilePlan(plan.Sources, target(), plan.Pre) { Settings = settings };
    }

    private static (CogBuildConfig? Config, CogResolution? Resolution) Project(WorkspaceSnapshot workspace, Document document)
    {
        var config = ProjectCogConfigProvider.Instance.ReadConfig(workspace, document);
        return (config, config is null ? null : CogResolutionCache.Get(workspace, config));
    }

    private static IndexLookup[] Compute(WorkspaceSnapshot workspace, Document document)
    {
        var (config, resolution) = Project(workspace, document);
        ImageTarget? target = null;
        var result = new List<IndexLookup>();
        foreach (var item in RunCommandItems.Get(document))
        {
            foreach (var pip in item.Pip)
            {
                if (PlanFor(workspace, pip, () => target ??= CogImageTargets.ForProject(config, resolution, workspace.Options.TargetArch)) is not { } plan)
                {
                    continue;
                }

                foreach (var argument in pip.Arguments)
                {
                    if (argument.HasExpansion || BuildRunAnalyzer.SplitByRedirect(pip.Command, argument) is not null)
                    {
                        continue;
                    }

                    var line = RequirementsLine.Parse(argument.Value);
                    if (line.HasErrors || line.Requirement is not { Form: RequirementForm.Named, NormalizedName: { } project } requirement
                        || (line.Flags & LineFlags.EnvironmentVariables) != 0 || Kept(pip, argument, project, resolution))
                    {
                        continue;
                    }

                    var own = TextSpan.FromBounds(requirement.Name!.Span.Start, requirement.SpecifierListSpan?.End ?? requirement.Name.Span.End);
                    var ownSpecifier = requirement.SpecifierListSpan ?? new TextSpan(requirement.Name.Span.End, 0);
                    var span = item.MapSpan(argument.MapValueSpan(own));
                    var exact = argument.IsWrittenAsIs(ownSpecifier) & item.Map.TryMap(argument.MapValueSpan(ownSpecifier), out var specifierSpan);
                    result.Add(new IndexLookup(document.Text.GetLineIndex(span.Start), span, exact ? specifierSpan : span, project, requirement.SpecifierSet, plan.Pre, plan.Sources, plan.Target, false)
                    {
                        SpecifierExact = exact,
                    });
                }
            }
        }

        return result.ToArray();
    }

    /// <summary>The command's sources, as option lines for <see cref="IndexPlanner"/> in the order pip's command line applies them; null when one is a shell expansion.</summary>
    private static IndexPlan? Plan(PipInvocation pip, IndexSettings settings)
    {
        ShellWord[] words = [.. pip.IndexUrl is { } i ? [i] : Array.Empty<ShellWord>(), .. pip.ExtraIndexUrls, .. pip.FindLinks];
        if (words.Any(w => w.HasExpansion))
        {
            return null;
        }

        var lines = new List<string>();
        if (pip.NoIndex)
        {
            lines.Add("--no-index");
        }

        if (pip.IndexUrl is { } index)
        {
            lines.Add("--index-url " + index.Value);
        }

        lines.AddRange(pip.ExtraIndexUrls.Select(u => "--extra-index-url " + u.Value));
        lines.AddRange(pip.FindLinks.Select(l => "--find-links " + l.Value));
        if (pip.Pre)
        {
            lines.Add("--pre");
        }

        return IndexPlanner.Plan(lines, settings);
    }

    /// <summary>True when the requirements pin the argument's package at a version the argument allows, and pip keeps it (no `--upgrade`/`--force-reinstall` that replaces it).</summary>
    private static bool Kept(PipInvocation pip, ShellWord argument, string name, CogResolution? resolution)
    {
        if (resolution is null || pip.InstallsElsewhere)
        {
            return false;
        }

        return resolution.Lines.Any(l => l.Package is not null && l.RequestedVersion is not null && l.Output is not null && PackageName.Normalize(l.Package) == name)
            && RunReinstall.Find(pip, argument, resolution) is null;
    }
}
