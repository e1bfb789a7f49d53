using System.Collections.Immutable;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Requirements;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The build.python_packages items of a cog.yaml as pip in Cog's image looks them up. Cog 6110c912
/// (Config.PythonRequirementsForArch) writes the items into the requirements file the image installs with
/// `pip install -r`: the `--find-links` and `--extra-index-url` lines it collected first (those moved out of
/// `name==version` items and those its torch, torchvision and tensorflow rewrites need), then each item's line
/// (<see cref="PythonPackageItem.PipText"/>, or Cog's rewrite), cog and coglet removed. The plan is that file's,
/// made by <see cref="IndexPlanner"/> as for a requirements file; the spans are in cog.yaml, inside the item's
/// scalar where it maps exactly (<see cref="PythonPackageItem.Map"/>), else the whole item.
/// Empty when package indexes are off, and when cog.yaml also sets python_requirements (Cog then refuses to build).
/// Memoised per snapshot and document.
/// </summary>
public static class CogYamlIndexLookups
{
    public static IReadOnlyList<IndexLookup> For(WorkspaceSnapshot workspace, Document document) =>
        Plan(workspace, document) is null
            ? []
            : workspace.GetOrAdd(("cog-yaml-index-lookups", document.Path, document.Version, document.Text), w => Compute(w, document));

    /// <summary>Every lookup of a cog.yaml: its python_packages items, then the `pip install` arguments of build.run (<see cref="BuildRunIndexLookups"/>).</summary>
    public static IReadOnlyList<IndexLookup> All(WorkspaceSnapshot workspace, Document document) =>
        [.. For(workspace, document), .. BuildRunIndexLookups.For(workspace, document)];

    /// <summary>The sources, image and `--pre` of the requirements file Cog generates from the items; null when package indexes are off or there are no items.</summary>
    public static IndexFilePlan? Plan(WorkspaceSnapshot workspace, Document document) =>
        !workspace.Options.PackageIndex.Enabled || document.Kind != DocumentKind.CogYaml || PythonPackageItems.Get(document).IsEmpty
            ? null
            : workspace.GetOrAdd(("cog-yaml-index-plan", document.Path, document.Version, document.Text), w => ComputePlan(w, document));

    private static IndexFilePlan ComputePlan(WorkspaceSnapshot workspace, Document document)
    {
        var options = workspace.Options.PackageIndex;
        var settings = new IndexSettings(options.DefaultIndexUrl, options.PyTorchBaseUrl);
        var config = ProjectCogConfigProvider.Instance.ReadConfig(workspace, document);
        var resolution = config is null ? null : CogResolutionCache.Get(workspace, config);

        // Where Cog resolves, its generated file is known line by line; where it fails, the file is written the
        // way Cog writes it for the items it does not rewrite (so the items are still judged against their indexes).
        var generated = resolution is { Error: null, FromPythonPackages: true }
            ? resolution.RequirementLines.SelectMany(SplitLines)
            : GeneratedFile(PythonPackageItems.Get(document));
        var plan = IndexPlanner.Plan(generated, settings, IndexLookups.Environment(config));
        return new IndexFilePlan(plan.Sources, CogImageTargets.ForProject(config, resolution, workspace.Options.TargetArch), plan.Pre) { Settings = settings };
    }


    /// <summary>
    /// The file Cog writes for the items without its torch/tensorflow rewrites (pythonPackageForArch): the moved
    /// `--find-links` and `--extra-index-url` values first, then each item's line. An item is one string in
    /// YAML but may hold line breaks; pip reads each as a line of its own.
    /// </summary>
    private static IEnumerable<string> GeneratedFile(ImmutableArray<PythonPackageItem> items)
    {
        var findLinks = new List<string>();
        var extraIndexUrls = new List<string>();
        var lines = new List<string>();
        foreach (var item in items)
        {
            if (!CogRequirementSyntax.IsLocalArtifactOrRefused(item.Value) && CogRequirementSyntax.SplitPinned(item.Value) is { } pinned)
            {
                findLinks.AddRange(pinned.FindLinks.Where(l => !findLinks.Contains(l)));
                extraIndexUrls.AddRange(pinned.ExtraIndexUrls.Where(u => !extraIndexUrls.Contains(u)));
            }

            lines.AddRange(SplitLines(item.PipText));
        }

        return findLinks.Select(l => "--find-links " + l).Concat(extraIndexUrls.Select(u => "--extra-index-url " + u)).Concat(lines);
    }

    private static IEnumerable<string> SplitLines(string text) => text.Split('\n');

    private static IndexLookup[] Compute(WorkspaceSnapshot workspace, Document document)
    {
        var plan = Plan(workspace, document)!;
        var config = ProjectCogConfigProvider.Instance.ReadConfig(workspace, document);
        if (!string.IsNullOrEmpty(config?.PythonRequirements))
        {
            // Cog refuses python_packages together with python_requirements (COG06xx says so): pip reads neither.
            return [];
        }

        var resolution = config is null ? null : CogResolutionCache.Get(workspace, config) is { Error: null, FromPythonPackages: true } r ? r : null;
        var result = new List<IndexLookup>();
        foreach (var item in PythonPackageItems.Get(document))
        {
            // An empty line is an item Cog removes (cog, coglet); a leading U+FEFF is read apart by the parser.
            if (item.PipText.Length == 0 || item.PipText[0] == '\uFEFF')
            {
                continue;
            }

            var tree = RequirementsSyntaxTree.Parse(item.PipText);
            foreach (var (index, line, requirement) in tree.Requirements())
            {
                if (line.HasErrors || requirement.Form != RequirementForm.Named || requirement.NormalizedName is not { } project
                    || (line.Flags & LineFlags.EnvironmentVariables) != 0)
                {
                    continue;
                }

                var specifier = requirement.SpecifierSet;
                var rewritten = false;
                var cogLine = IndexLookups.CogTouches(project) ? resolution?.LineAt(item.Index) : null;
                if (cogLine is { Output: { } output } && cogLine.Changed)
                {
                    // pip in the image reads Cog's line, not the item.
                    if (RequirementsLine.Parse(output).Requirement is { Form: RequirementForm.Named } cogRequirement)
                    {
                        specifier = cogRequirement.SpecifierSet;
                        rewritten = true;
                    }
                }
                else if (cogLine is { Action: CogLineAction.Dropped or CogLineAction.Refused or CogLineAction.LocalArtifact })
                {
                    continue;
                }

                var ownSpan = tree.ToAbsolute(index, TextSpan.FromBounds(requirement.Name!.Span.Start, requirement.SpecifierListSpan?.End ?? requirement.Name.Span.End));
                var ownSpecifier = tree.ToAbsolute(index, requirement.SpecifierListSpan ?? new TextSpan(requirement.Name.Span.End, 0));
                var span = item.MapPipSpan(ownSpan);
                var exact = item.TryMapPipSpan(ownSpecifier, out var specifierSpan);
                var cogSources = cogLine is null ? [] : cogLine.ExtraIndexUrls.Concat(cogLine.FindLinks).Select(plan.Settings.MapPyTorch).ToImmutableArray();
                result.Add(new IndexLookup(document.Text.GetLineIndex(span.Start), span, exact ? specifierSpan : span, project, specifier, plan.Pre, plan.Sources, plan.Target, rewritten)
                {
                    CogSources = cogSources,
                    SpecifierExact = exact,
                });
            }
        }

        return result.ToArray();
    }
}
