using System.Collections.Immutable;
using System.Globalization;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Requirements;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Pep440;
using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The requirements of a requirements file as pip in Cog's image looks them up (<see cref="IndexLookup"/>).
/// The sources are those of the file Cog generates: the file's own index options (and those of the files it
/// includes), plus the PyTorch indexes and find-links pages Cog adds for its torch, torchvision and
/// tensorflow rewrites. Empty when package indexes are off. Memoised per snapshot and document.
/// </summary>
public static class IndexLookups
{
    public static IReadOnlyList<IndexLookup> For(WorkspaceSnapshot workspace, Document document)
    {
        if (!workspace.Options.PackageIndex.Enabled || document.Kind != DocumentKind.Requirements)
        {
            return [];
        }

        return workspace.GetOrAdd(("index-lookups", document.Path, document.Version, document.Text), w => Compute(w, document));
    }

    /// <summary>The sources, image and `--pre` that hold for every requirement of the file; null when package indexes are off.</summary>
    public static IndexFilePlan? Plan(WorkspaceSnapshot workspace, Document document) =>
        !workspace.Options.PackageIndex.Enabled || document.Kind != DocumentKind.Requirements
            ? null
            : workspace.GetOrAdd(("index-plan", document.Path, document.Version, document.Text), w => ComputePlan(w, document));

    private static IndexFilePlan ComputePlan(WorkspaceSnapshot workspace, Document document)
    {
        var options = workspace.Options.PackageIndex;
        var settings = new IndexSettings(options.DefaultIndexUrl, options.PyTorchBaseUrl);
        var config = ProjectCogConfigProvider.Instance.FindConfigFor(workspace, document);
        var resolution = config is null ? null : CogResolutionCache.Get(workspace, config);

        // pip in the image reads the file Cog generates (its index lines first: Cog's PyTorch indexes and the
        // options of python_packages items); a file no cog.yaml uses is read as it is.
        var environment = Environment(config);
        IEnumerable<RequirementsLine>? ReadInclude(string written) =>
            PipUrls.GetScheme(written) is null && workspace.GetDocument(PathUtil.Resolve(document.Directory, written), DocumentKind.Requirements) is { } included
                ? RequirementsDocument.GetSyntax(included).Lines
                : null;

        // Cog's generated file is its index lines (those its rewrites need, find-links first) and then the
        // file's own lines; only option lines matter to the plan, so the file's are taken from its tree as they
        // are. Cog's per-line details are read only when the file has a line Cog changes: a resolution patched
        // after a keystroke computes them in full, which would put that cost on every keystroke.
        var tree = RequirementsDocument.GetSyntax(document);
        var cogLines = resolution is { Error: null } && tree.Requirements().Any(r => r.Requirement.NormalizedName is { } n && CogTouches(n))
            ? resolution.Lines.SelectMany(l => l.FindLinks).Distinct().Select(u => "--find-links " + u)
                .Concat(resolution.Lines.SelectMany(l => l.ExtraIndexUrls).Distinct().Select(u => "--extra-index-url " + u))
                .Select(RequirementsLine.Parse).ToList()
            : [];
        var lines = cogLines.Concat(tree.LinesWith(LineFlags.Options).Select(e => e.Line)
            .Where(l => l.Requirement is null || (l.Options.Any(IsFormatOption) && !(resolution is not null && CogRebuilds(l)))));
        var plan = IndexPlanner.Plan(lines, settings, environment, ReadInclude, path => PathUtil.Resolve(document.Directory, path));

        var target = (resolution is null ? null : CogImageTargets.For(resolution, workspace.Options.TargetArch))
            ?? CogImageTargets.For(config?.PythonVersion, null, workspace.Options.TargetArch)
            ?? CogImageTargets.For(null, null, workspace.Options.TargetArch)!;
        return new IndexFilePlan(plan.Sources, target, plan.Pre, resolution) { Settings = settings, Formats = plan.Formats, PreferBinary = plan.PreferBinary };
    }

    /// <summary>pip applies these even on a requirement line (see <see cref="IndexPlanner"/>).</summary>
    private static bool IsFormatOption(OptionSyntax option) => option.Option == RequirementsOption.NoBinary || option.Option == RequirementsOption.OnlyBinary;

    /// <summary>
    /// True when Cog writes this requirement line as just its `name==version` (Cog's SplitPinnedPythonRequirement
    /// finds a pin in it), so nothing else on the line (`--hash`, `--no-binary`, a marker) reaches pip in the image.
    /// Judged on the line as Cog's reader gives it (continuations joined, cut at the first '#'); a pure function of
    /// the text, so a file full of hashed pins does not make a keystroke read Cog's per-line details.
    /// </summary>
    private static bool CogRebuilds(RequirementsLine line)
    {
        var text = line.FullText.Replace("\\\r\n", string.Empty, StringComparison.Ordinal).Replace("\\\n", string.Empty, StringComparison.Ordinal);
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        return CogRequirementSyntax.SplitPinned((hash < 0 ? text : text[..hash]).Trim()) is not null;
    }

    /// <summary>What besides the specifier changes pip's file for this line: the file's format options and the line's
    /// `--hash` values (none when Cog rebuilds the line for its image).</summary>
    private static PickOptions OptionsFor(IndexFilePlan plan, RequirementsLine line)
    {
        var hashes = line.Options.Any(o => o.Option == RequirementsOption.Hash) && !(plan.Resolution is not null && CogRebuilds(line))
            ? AllowedHashes.From(line.Options.Where(o => o.Option == RequirementsOption.Hash && o.Value is not null).Select(o => o.Value!.Text))
            : AllowedHashes.None;
        return plan.Formats.IsEmpty && !plan.PreferBinary && hashes.IsEmpty ? PickOptions.Default : new PickOptions(plan.Formats, plan.PreferBinary, hashes);
    }

    /// <summary>True for the packages whose lines Cog rewrites or drops (its table packages, cog and coglet).</summary>
    private static bool CogTouches(string project) => CogPackages.TablePackages.Contains(project) || CogPackages.IsManaged(project);

    /// <summary>The variables pip can expand in the image: those cog.yaml sets under `environment`.</summary>
    private static Func<string, string?> Environment(CogBuildConfig? config)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in config?.Environment ?? [])
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                variables[entry[..eq]] = entry[(eq + 1)..];
            }
        }

        return name => variables.GetValueOrDefault(name);
    }

    private static IndexLookup[] Compute(WorkspaceSnapshot workspace, Document document)
    {
        var plan = Plan(workspace, document)!;
        var resolution = plan.Resolution;
        var tree = RequirementsDocument.GetSyntax(document);
        var result = new List<IndexLookup>();
        foreach (var (index, line, requirement) in tree.Requirements())
        {
            if (line.HasErrors || requirement.Form != RequirementForm.Named || requirement.NormalizedName is not { } project
                || (line.Flags & LineFlags.EnvironmentVariables) != 0)
            {
                continue;
            }

            var specifier = requirement.SpecifierSet;
            var rewritten = false;
            var cogLine = CogTouches(project) ? resolution?.LineAt(index) : null;
            if (cogLine is { Output: { } output } && cogLine.Changed)
            {
                // pip in the image reads Cog's line, not the user's.
                var parsed = RequirementsLine.Parse(output);
                if (parsed.Requirement is { Form: RequirementForm.Named } cogRequirement)
                {
                    specifier = cogRequirement.SpecifierSet;
                    rewritten = true;
                }
            }
            else if (cogLine is { Action: CogLineAction.Dropped or CogLineAction.Refused or CogLineAction.LocalArtifact })
            {
                // Cog drops the line (cog, coglet): pip never sees it.
                continue;
            }

            var span = tree.ToAbsolute(index, TextSpan.FromBounds(requirement.Name!.Span.Start, requirement.SpecifierListSpan?.End ?? requirement.Name.Span.End));
            var specifierSpan = tree.ToAbsolute(index, requirement.SpecifierListSpan ?? new TextSpan(requirement.Name.Span.End, 0));
            var cogSources = cogLine is null ? [] : cogLine.ExtraIndexUrls.Concat(cogLine.FindLinks).Select(plan.Settings.MapPyTorch).ToImmutableArray();
            result.Add(new IndexLookup(index, span, specifierSpan, project, specifier, plan.Pre, plan.Sources, plan.Target, rewritten) { CogSources = cogSources, Options = OptionsFor(plan, line) });
        }

        return result.ToArray();
    }
}
