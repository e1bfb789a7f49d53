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
    private const int MaxIncludeDepth = 8;

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
        var settings = workspace.Options.PackageIndex;
        var config = ProjectCogConfigProvider.Instance.FindConfigFor(workspace, document);
        var resolution = config is null ? null : CogResolutionCache.Get(workspace, config);
        var options = FileOptions.Read(workspace, document);

        var sources = ImmutableArray.CreateBuilder<IndexSource>();
        if (!options.NoIndex)
        {
            sources.Add(new IndexSource(IndexSourceKind.Simple, options.IndexUrl ?? settings.DefaultIndexUrl));
            sources.AddRange(options.ExtraIndexUrls.Select(u => new IndexSource(IndexSourceKind.Simple, u)));
        }

        sources.AddRange(options.FindLinks.Select(u => new IndexSource(IndexSourceKind.FindLinks, u)));
        if (resolution is not null)
        {
            // Cog writes every index and find-links page any rewrite needs at the top of the generated file, so they apply to every line.
            if (!options.NoIndex)
            {
                sources.AddRange(resolution.Lines.SelectMany(l => l.ExtraIndexUrls).Select(u => new IndexSource(IndexSourceKind.Simple, MapPyTorch(u, settings))));
            }

            sources.AddRange(resolution.Lines.SelectMany(l => l.FindLinks).Select(u => new IndexSource(IndexSourceKind.FindLinks, MapPyTorch(u, settings))));
        }

        return new IndexFilePlan(sources.Distinct().ToImmutableArray(), Target(config, resolution, workspace.Options), options.Pre, resolution);
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
            var cogLine = resolution?.LineAt(index);
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
            var cogSources = cogLine is null ? [] : cogLine.ExtraIndexUrls.Concat(cogLine.FindLinks).Select(u => MapPyTorch(u, workspace.Options.PackageIndex)).ToImmutableArray();
            result.Add(new IndexLookup(index, span, specifierSpan, project, specifier, plan.Pre, plan.Sources, plan.Target, rewritten) { CogSources = cogSources });
        }

        return result.ToArray();
    }

    /// <summary>Cog's PyTorch URLs moved onto the configured base (a mirror, or a test's loopback index).</summary>
    public static string MapPyTorch(string url, PackageIndexSettings settings) =>
        url.StartsWith(PackageIndexSettings.PyTorch, StringComparison.Ordinal) && settings.PyTorchBaseUrl != PackageIndexSettings.PyTorch
            ? settings.PyTorchBaseUrl.TrimEnd('/') + "/" + url[PackageIndexSettings.PyTorch.Length..]
            : url;

    /// <summary>The image's platform: its Python from cog.yaml (Cog's default when unset), Linux on the target architecture, with the glibc of Cog's base images.</summary>
    public static ImageTarget Target(CogBuildConfig? config, CogResolution? resolution, AnalysisOptions options)
    {
        var python = CogVersion.TryParse(config?.PythonVersion?.Trim()) ?? CogVersion.TryParse(CogYamlSchema.DefaultPython)!;
        var arch = options.TargetArch is "arm64" or "aarch64" ? "aarch64" : "x86_64";
        var (glibcMajor, glibcMinor) = BaseImageGlibc.For(resolution?.BaseImage);
        return new ImageTarget((int)python.Major, (int)python.Minor, arch, glibcMajor, glibcMinor);
    }

    /// <summary>The index options of a requirements file as pip combines them, following its includes.</summary>
    private sealed record FileOptions(string? IndexUrl, ImmutableArray<string> ExtraIndexUrls, ImmutableArray<string> FindLinks, bool NoIndex, bool Pre)
    {
        public static FileOptions Read(WorkspaceSnapshot workspace, Document document)
        {
            string? indexUrl = null;
            var extra = ImmutableArray.CreateBuilder<string>();
            var findLinks = ImmutableArray.CreateBuilder<string>();
            bool noIndex = false, pre = false;
            var visited = new HashSet<string>(StringComparer.Ordinal);
            Visit(document, 0);
            return new FileOptions(indexUrl, extra.ToImmutable(), findLinks.ToImmutable(), noIndex, pre);

            void Visit(Document file, int depth)
            {
                if (depth > MaxIncludeDepth || !visited.Add(file.Path))
                {
                    return;
                }

                var tree = RequirementsDocument.GetSyntax(file);
                foreach (var entry in tree.LinesWith(LineFlags.Options))
                {
                    var line = entry.Line;
                    if (line.HasErrors || line.Requirement is not null || (line.Flags & LineFlags.EnvironmentVariables) != 0)
                    {
                        continue;
                    }

                    // pip follows the first include of a line and drops the line's other options.
                    if (RequirementsIncludes.Followed(line) is { Value: { } path } include)
                    {
                        if (include.Option == RequirementsOption.Requirement && PipUrls.GetScheme(path.Text) is null
                            && workspace.GetDocument(PathUtil.Resolve(file.Directory, path.Text), DocumentKind.Requirements) is { } included)
                        {
                            Visit(included, depth + 1);
                        }

                        continue;
                    }

                    foreach (var option in line.Options)
                    {
                        var value = option.Value?.Text;
                        if (option.Option == RequirementsOption.IndexUrl && value is not null)
                        {
                            indexUrl = value;
                        }
                        else if (option.Option == RequirementsOption.ExtraIndexUrl && value is not null)
                        {
                            extra.Add(value);
                        }
                        else if (option.Option == RequirementsOption.FindLinks && value is not null)
                        {
                            findLinks.Add(PipUrls.GetScheme(value) is null ? PathUtil.Resolve(file.Directory, value) : value);
                        }
                        else if (option.Option == RequirementsOption.NoIndex)
                        {
                            noIndex = true;
                        }
                        else if (option.Option == RequirementsOption.Pre)
                        {
                            pre = true;
                        }
                    }
                }
            }
        }
    }
}
