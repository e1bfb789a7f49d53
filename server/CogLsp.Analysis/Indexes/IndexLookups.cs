using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
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
    /// <summary>The latest plan of each cog.yaml config, with what it was made from, so a keystroke that changes none of it reuses the plan (the same object: memos keyed on it stay valid).</summary>
    private static readonly ConditionalWeakTable<CogBuildConfig, LatestPlan> LatestByConfig = [];

    /// <summary>The packages Cog touches: a line that mentions one anywhere is not plain (<see cref="Plain"/>).</summary>
    private static readonly string[] CogWords = [.. CogPackages.TablePackages, .. CogPackages.Managed];

    /// <summary>The <see cref="RequirementsLine.NameHash"/> of every package Cog touches: most lines are told apart by it without reading their name.</summary>
    private static readonly HashSet<int> TouchedHashes = [.. CogWords.Select(RequirementsLine.HashName)];

    public static IReadOnlyList<IndexLookup> For(WorkspaceSnapshot workspace, Document document)
    {
        // A cog.yaml's lookups are its build.python_packages items and the `pip install` arguments of build.run.
        if (document.Kind == DocumentKind.CogYaml)
        {
            return CogYamlIndexLookups.All(workspace, document);
        }

        if (!workspace.Options.PackageIndex.Enabled || document.Kind != DocumentKind.Requirements)
        {
            return [];
        }

        return workspace.GetOrAdd(("index-lookups", document.Path, document.Version, document.Text), w => Within(w, document, new TextSpan(0, document.Text.Length)).ToArray());
    }

    /// <summary>The lookups of the requirement lines that meet <paramref name="range"/> (what an editor shows): the lines elsewhere are not looked up.</summary>
    public static IEnumerable<IndexLookup> Within(WorkspaceSnapshot workspace, Document document, TextSpan range)
    {
        if (document.Kind == DocumentKind.CogYaml)
        {
            foreach (var lookup in CogYamlIndexLookups.All(workspace, document).Where(l => l.Span.Start <= range.End && range.Start <= Math.Max(l.Span.End, l.SpecifierSpan.End)))
            {
                yield return lookup;
            }

            yield break;
        }

        if (Plan(workspace, document) is not { } plan)
        {
            yield break;
        }

        var tree = RequirementsDocument.GetSyntax(document);
        var (first, last) = (tree.GetLineIndex(range.Start), tree.GetLineIndex(range.End));
        foreach (var (entry, cogLine) in LinesOf(plan, tree))
        {
            if (entry.Index > last)
            {
                yield break;
            }

            if (entry.Index >= first && ForLine(plan, entry.Index, entry.Line, entry.Start, cogLine) is { } lookup)
            {
                yield return lookup;
            }
        }
    }

    /// <summary>
    /// The sources, image and `--pre` that hold for every requirement of the file; null when package indexes
    /// are off. Across snapshots the plan stays the same object as long as what it is made of is unchanged:
    /// the file's option lines and the lines Cog rewrites (its index lines and the image's CUDA come from
    /// those), the files they include, the cog.yaml and the settings.
    /// </summary>
    public static IndexFilePlan? Plan(WorkspaceSnapshot workspace, Document document) =>
        !workspace.Options.PackageIndex.Enabled || document.Kind != DocumentKind.Requirements
            ? null
            : workspace.GetOrAdd(("index-plan", document.Path, document.Version, document.Text), w => PlanOf(w, document));

    /// <summary>The lookup of one requirement line (null when pip would not look it up on an index), with spans relative to <paramref name="lineStart"/>.</summary>
    /// <param name="cogLine">Cog's reading of the line for lines Cog rewrites or drops (<see cref="LinesOf"/>), else null.</param>
    public static IndexLookup? ForLine(IndexFilePlan plan, int index, RequirementsLine line, int lineStart, CogLineResolution? cogLine)
    {
        if (line.HasErrors || line.Requirement is not { Form: RequirementForm.Named, NormalizedName: { } project } requirement
            || (line.Flags & LineFlags.EnvironmentVariables) != 0)
        {
            return null;
        }

        var specifier = requirement.SpecifierSet;
        var rewritten = false;
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
            return null;
        }

        var span = TextSpan.FromBounds(lineStart + requirement.Name!.Span.Start, lineStart + (requirement.SpecifierListSpan?.End ?? requirement.Name.Span.End));
        var written = requirement.SpecifierListSpan ?? new TextSpan(requirement.Name.Span.End, 0);
        var specifierSpan = new TextSpan(lineStart + written.Start, written.Length);
        var cogSources = cogLine is null ? [] : cogLine.ExtraIndexUrls.Concat(cogLine.FindLinks).Select(plan.Settings.MapPyTorch).ToImmutableArray();
        return new IndexLookup(index, span, specifierSpan, project, specifier, plan.Pre, plan.Sources, plan.Target, rewritten) { CogSources = cogSources, Options = OptionsFor(plan, line) };
    }

    /// <summary>True for a line whose requirement Cog rewrites or drops (its table packages, cog and coglet): its lookup depends on Cog's reading of it, not on the line alone.</summary>
    public static bool TouchedByCog(RequirementsLine line) =>
        line.NameHash != 0 && TouchedHashes.Contains(line.NameHash) && line.Requirement?.NormalizedName is { } name && CogTouches(name);

    /// <summary>Every requirement line of <paramref name="tree"/> (the tree <paramref name="plan"/> was made for), with Cog's reading of it where Cog touches it.</summary>
    public static IEnumerable<(RequirementsSyntaxTree.LineEntry Entry, CogLineResolution? CogLine)> LinesOf(IndexFilePlan plan, RequirementsSyntaxTree tree)
    {
        var touched = 0;
        foreach (var entry in tree.LinesWith(LineFlags.Requirement))
        {
            CogLineResolution? cogLine = null;
            if (TouchedByCog(entry.Line))
            {
                cogLine = touched < plan.CogLines.Length ? plan.CogLines[touched] : null;
                touched++;
            }

            yield return (entry, cogLine);
        }
    }

    private static IndexFilePlan PlanOf(WorkspaceSnapshot workspace, Document document)
    {
        var config = ProjectCogConfigProvider.Instance.FindConfigFor(workspace, document);
        var tree = RequirementsDocument.GetSyntax(document);
        var settings = (workspace.Options.PackageIndex, workspace.Options.TargetArch);
        if (config is not null && LatestByConfig.TryGetValue(config, out var latest) && latest.Path == document.Path && latest.Settings == settings
            && latest.Includes.All(i => ReferenceEquals(workspace.GetDocument(i.Path, DocumentKind.Requirements), i.Document))
            && OnlyPlainLinesChanged(latest.Tree, tree))
        {
            // Compare the next keystroke with this tree, not with the one the plan was made for: the lines that changed stay few.
            LatestByConfig.AddOrUpdate(config, latest with { Tree = tree });
            return latest.Plan;
        }

        var includes = new List<(string Path, Document? Document)>();
        var plan = ComputePlan(workspace, document, config, tree, includes);
        if (config is not null)
        {
            LatestByConfig.AddOrUpdate(config, new LatestPlan(document.Path, settings, tree, [.. includes], plan));
        }

        return plan;
    }

    /// <summary>
    /// True when every line that differs between the two trees, before and after, is plain: no option and
    /// no requirement Cog touches. The plan is made of nothing else, so it holds for both. Costs the lines
    /// that changed, not the file (a keystroke in a long file must stay cheap).
    /// </summary>
    private static bool OnlyPlainLinesChanged(RequirementsSyntaxTree before, RequirementsSyntaxTree after)
    {
        var changed = ChangedLines.Between(before, after);
        return changed.Unchanged || (Plain(before, changed.BeforeFirst, changed.BeforeLast) && Plain(after, changed.AfterFirst, changed.AfterLast));
    }

    /// <summary>True when no line from <paramref name="first"/> to <paramref name="last"/> has an option or a requirement Cog touches.</summary>
    public static bool Plain(RequirementsSyntaxTree tree, int first, int last)
    {
        for (var i = Math.Max(0, first); i <= last; i++)
        {
            // A name hash of a touched package is enough to count the line as not plain (a collision only costs a
            // new plan). Cog reads lines its own way: a continued line, or one that mentions a package Cog cares
            // about anywhere (as the resolution's splice does), is not plain either.
            if ((tree.GetFlags(i) & (LineFlags.Options | LineFlags.Location)) != 0 || TouchedHashes.Contains(tree.GetNameHash(i)) || !CogPlain(tree.Lines[i].FullText))
            {
                return false;
            }
        }

        return true;
    }

    private static IndexFilePlan ComputePlan(WorkspaceSnapshot workspace, Document document, CogBuildConfig? config, RequirementsSyntaxTree tree, List<(string Path, Document? Document)> includes)
    {
        var options = workspace.Options.PackageIndex;
        var settings = new IndexSettings(options.DefaultIndexUrl, options.PyTorchBaseUrl);
        var resolution = config is null ? null : CogResolutionCache.Get(workspace, config);

        // pip in the image reads the file Cog generates (its index lines first: Cog's PyTorch indexes and the
        // options of python_packages items); a file no cog.yaml uses is read as it is.
        var environment = Environment(config);
        IEnumerable<RequirementsLine>? ReadInclude(string written)
        {
            if (PipUrls.GetScheme(written) is not null)
            {
                return null;
            }

            var path = PathUtil.Resolve(document.Directory, written);
            var included = workspace.GetDocument(path, DocumentKind.Requirements);
            includes.Add((path, included));
            return included is null ? null : RequirementsDocument.GetSyntax(included).Lines;
        }

        // Cog's generated file is its index lines (those its rewrites need, find-links first) and then the
        // file's own lines; only option lines matter to the plan, so the file's are taken from its tree as they
        // are. Cog's per-line details are read only when the file has a line Cog changes: a resolution patched
        // after a keystroke computes them in full.
        var touched = resolution is { Error: null } ? tree.LinesWith(LineFlags.Requirement).Where(e => TouchedByCog(e.Line)).Select(e => e.Index).ToList() : [];
        var cogLines = touched.Count > 0
            ? resolution!.Lines.SelectMany(l => l.FindLinks).Distinct().Select(u => "--find-links " + u)
                .Concat(resolution.Lines.SelectMany(l => l.ExtraIndexUrls).Distinct().Select(u => "--extra-index-url " + u))
                .Select(RequirementsLine.Parse).ToList()
            : [];

        // Cog's reading of each line it touches, in order: a keystroke elsewhere keeps the plan, and with it these.
        // Cog numbers physical lines; a line is matched by where its requirement starts, so continued lines above
        // it do not shift the match.
        var byLine = new Dictionary<int, CogLineResolution>();
        foreach (var cogLine in touched.Count > 0 ? resolution!.Lines : [])
        {
            byLine.TryAdd(tree.GetLineIndex(cogLine.Span.Start), cogLine);
        }

        var touchedLines = touched.Select(i => byLine.GetValueOrDefault(i)).ToImmutableArray();
        var lines = cogLines.Concat(tree.LinesWith(LineFlags.Options).Select(e => e.Line)
            .Where(l => l.Requirement is null || (l.Options.Any(IsFormatOption) && !(resolution is not null && CogRebuilds(l)))));
        // Local sources are read only for a file pip reads on this machine, not in Cog's image (see IndexPlanner).
        var plan = IndexPlanner.Plan(lines, settings, environment, ReadInclude, resolution is null ? path => PathUtil.Resolve(document.Directory, path) : null);

        var target = CogImageTargets.ForProject(config, resolution, workspace.Options.TargetArch);
        return new IndexFilePlan(plan.Sources, target, plan.Pre)
        {
            Settings = settings, CogLines = touchedLines, ReadThroughCog = resolution is not null, Formats = plan.Formats, PreferBinary = plan.PreferBinary,
        };
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
        var hashes = line.Options.Any(o => o.Option == RequirementsOption.Hash) && !(plan.ReadThroughCog && CogRebuilds(line))
            ? AllowedHashes.From(line.Options.Where(o => o.Option == RequirementsOption.Hash && o.Value is not null).Select(o => o.Value!.Text))
            : AllowedHashes.None;
        return plan.Formats.IsEmpty && !plan.PreferBinary && hashes.IsEmpty ? PickOptions.Default : new PickOptions(plan.Formats, plan.PreferBinary, hashes);
    }

    /// <summary>True for a line Cog reads as one ordinary line: a single physical line that names none of the packages Cog touches.</summary>
    private static bool CogPlain(string text)
    {
        var body = text.AsSpan().TrimEnd("\r\n");
        if (body.Contains('\n') || body.EndsWith("\\"))
        {
            return false;
        }

        foreach (var word in CogWords)
        {
            if (body.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for the packages whose lines Cog rewrites or drops (its table packages, cog and coglet).</summary>
    internal static bool CogTouches(string project) => CogWords.Contains(project);

    /// <summary>The variables pip can expand in the image: those cog.yaml sets under `environment`.</summary>
    internal static Func<string, string?> Environment(CogBuildConfig? config)
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

    private sealed record LatestPlan(string Path, (PackageIndexSettings Index, string Arch) Settings, RequirementsSyntaxTree Tree, ImmutableArray<(string Path, Document? Document)> Includes, IndexFilePlan Plan);
}
