using System.Collections.Immutable;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;

namespace CogLsp.Analysis.Projects;

/// <summary>
/// The project graph: what a cog.yaml says for resolution (<see cref="GetBuildConfig"/>), which cog.yaml
/// files use a requirements file (<see cref="FindCogYamlsUsing"/>), and the kind of a file
/// (<see cref="KindOf"/>). Everything is memoised per snapshot, so the server can ask freely after every
/// edit; searches are bounded in depth and cycle-safe.
/// </summary>
public static class CogProjectLocator
{
    /// <summary>How many folders above a requirements file are searched for a cog.yaml.</summary>
    public const int MaxAncestorLevels = 20;

    /// <summary>How many files an include chain (`-r`/`-c`) is followed through.</summary>
    public const int MaxIncludedFiles = 64;

    private static readonly string[] CogYamlNames = ["cog.yaml", "cog.yml"];

    /// <summary>What <paramref name="cogYaml"/> says that matters for resolution, decoded as Cog decodes it; null when it is not a mapping.</summary>
    /// <remarks>It depends on the cog.yaml text alone, so it is memoised on the document and shared by every snapshot that holds it.</remarks>
    public static CogBuildConfig? GetBuildConfig(WorkspaceSnapshot workspace, Document cogYaml) =>
        cogYaml.GetOrAdd(typeof(CogBuildConfig), d => new Box<CogBuildConfig?>(Compute(d))).Value;

    /// <summary>The cog.yaml/cog.yml files whose python_requirements is <paramref name="requirementsPath"/> or reaches it through -r/-c includes.</summary>
    public static ImmutableArray<string> FindCogYamlsUsing(WorkspaceSnapshot workspace, string requirementsPath)
    {
        var path = PathUtil.Normalize(requirementsPath);
        return workspace.GetOrAdd(("cog-yamls-using", path), w => new Box<ImmutableArray<string>>(Search(w, path))).Value;
    }

    /// <summary>The kind of the file at <paramref name="path"/>: by its name, else Requirements when a cog.yaml uses it.</summary>
    public static DocumentKind KindOf(WorkspaceSnapshot workspace, string path)
    {
        var byName = DocumentClassifier.ClassifyByName(path);
        if (byName != DocumentKind.Unknown)
        {
            return byName;
        }

        return FindCogYamlsUsing(workspace, path).IsEmpty ? DocumentKind.Unknown : DocumentKind.Requirements;
    }

    /// <summary>Every file the requirements file named by a cog.yaml reaches (itself first, then its -r/-c includes), bounded and cycle-safe.</summary>
    public static ImmutableArray<string> RequirementsClosure(WorkspaceSnapshot workspace, string cogYamlPath)
    {
        var cogYaml = workspace.GetDocument(cogYamlPath, DocumentKind.CogYaml);
        if (cogYaml is null || GetBuildConfig(workspace, cogYaml)?.RequirementsPath is not { } start)
        {
            return [];
        }

        return workspace.GetOrAdd(("cog-requirements-closure", cogYaml.Path), w => new Box<ImmutableArray<string>>(Closure(w, start))).Value;
    }

    private static CogBuildConfig? Compute(Document cogYaml)
    {
        var model = CogYamlTree.Model(cogYaml);
        // An empty file (or one of comments only) is Cog's empty config, not a failure (parse.go parseBytes).
        var resolved = CogYamlTree.Resolve(model.Root);
        if (resolved is not YamlMapping && !(resolved is null or YamlScalar { IsNull: true } && !model.HasSyntaxErrors))
        {
            return null;
        }

        var root = resolved as YamlMapping;
        var spans = ImmutableDictionary.CreateBuilder<string, Syntax.Text.TextSpan>(StringComparer.Ordinal);
        var build = CogYamlTree.Lookup(root, "build")?.Value;

        YamlNode? Value(string key)
        {
            var entry = CogYamlTree.Lookup(build, key);
            if (entry?.Value is { } value && !CogYamlTree.IsNull(value))
            {
                spans["build." + key] = value.Span;
            }

            return entry?.Value;
        }

        var python = CogYamlTree.GoString(Value("python_version"));
        var gpu = CogYamlTree.GoBool(Value("gpu")) == true;
        var cuda = CogYamlTree.GoString(Value("cuda"));
        var cudnn = CogYamlTree.GoString(Value("cudnn"));
        var requirements = CogYamlTree.GoString(Value("python_requirements"));
        var sdk = CogYamlTree.GoString(Value("sdk_version"));
        var packages = CogYamlTree.GoStringList(Value("python_packages"));
        var system = CogYamlTree.GoStringList(Value("system_packages"));
        var environment = CogYamlTree.GoStringList(CogYamlTree.Lookup(root, "environment")?.Value);
        return new CogBuildConfig
        {
            CogYamlPath = cogYaml.Path,
            HasBuildSection = !CogYamlTree.IsNull(build),
            PythonVersion = string.IsNullOrEmpty(python) ? null : python,
            Gpu = gpu,
            Cuda = string.IsNullOrEmpty(cuda) ? null : cuda,
            Cudnn = string.IsNullOrEmpty(cudnn) ? null : cudnn,
            PythonPackages = packages is null ? default : packages.Select(p => p.Value).ToImmutableArray(),
            PythonPackageSpans = packages is null ? [] : packages.Select(p => p.Node.Span).ToImmutableArray(),
            PythonRequirements = string.IsNullOrEmpty(requirements) ? null : requirements,
            SdkVersion = string.IsNullOrEmpty(sdk) ? null : sdk,
            SystemPackages = system is null ? [] : system.Select(p => p.Value).ToImmutableArray(),
            Environment = environment is null ? [] : environment.Select(p => p.Value).ToImmutableArray(),
            Spans = spans.ToImmutable(),
            Stoppers = Cog.CogBuildStoppers.InCogYaml(cogYaml),
        };
    }

    private static ImmutableArray<string> Search(WorkspaceSnapshot workspace, string requirementsPath)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        var root = workspace.Roots.Where(r => PathUtil.IsUnder(requirementsPath, r)).OrderByDescending(r => r.Length).FirstOrDefault();
        var folder = PathUtil.GetDirectory(requirementsPath);
        for (var level = 0; level <= MaxAncestorLevels; level++)
        {
            foreach (var name in CogYamlNames)
            {
                var candidate = PathUtil.Normalize(folder.TrimEnd('/') + "/" + name);
                if (!workspace.FileExists(candidate))
                {
                    continue;
                }

                if (RequirementsClosure(workspace, candidate).Contains(requirementsPath))
                {
                    result.Add(candidate);
                }
            }

            if (root is not null && PathUtil.Normalize(folder) == root)
            {
                break;
            }

            var parent = PathUtil.GetDirectory(folder);
            if (parent == folder || parent == "." || folder == "/")
            {
                break;
            }

            folder = parent;
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<string> Closure(WorkspaceSnapshot workspace, string start)
    {
        var seen = new List<string>();
        var queue = new Queue<string>();
        queue.Enqueue(PathUtil.Normalize(start));
        while (queue.Count > 0 && seen.Count < MaxIncludedFiles)
        {
            var path = queue.Dequeue();
            if (seen.Contains(path))
            {
                continue;
            }

            seen.Add(path);
            var document = workspace.GetDocument(path);
            if (document is null)
            {
                continue;
            }

            // The includes as pip reads them; the parse is memoised on the document and shared with the analyzers.
            foreach (var include in Requirements.RequirementsIncludes.Get(document))
            {
                if (include.ResolvedPath is { } included)
                {
                    queue.Enqueue(included);
                }
            }
        }

        return [.. seen];
    }

    /// <summary>
    /// The document at <paramref name="path"/> with the kind the project graph gives it (by name, or
    /// Requirements when a cog.yaml uses it); null when it is neither open nor on disk.
    /// </summary>
    public static Document? GetDocument(WorkspaceSnapshot workspace, string path)
    {
        var document = workspace.GetDocument(path);
        if (document is null || document.Kind != DocumentKind.Unknown)
        {
            return document;
        }

        var kind = KindOf(workspace, document.Path);
        return kind == DocumentKind.Unknown ? document : document.WithKind(kind);
    }

    /// <summary>
    /// The files whose diagnostics depend on <paramref name="paths"/>: the files themselves, the
    /// requirements files a cog.yaml among them uses (and their includes), and the cog.yaml files that use
    /// a requirements file among them. This is why editing `gpu` in cog.yaml re-checks requirements.txt
    /// even when it is not open.
    /// </summary>
    public static IEnumerable<string> RelatedFiles(WorkspaceSnapshot snapshot, IEnumerable<string> paths)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            Add(path);
            var kind = KindOf(snapshot, path);
            if (kind == DocumentKind.CogYaml)
            {
                foreach (var requirements in RequirementsClosure(snapshot, path))
                {
                    if (snapshot.FileExists(requirements))
                    {
                        Add(requirements);
                    }
                }
            }
            else if (kind == DocumentKind.Requirements)
            {
                foreach (var cogYaml in FindCogYamlsUsing(snapshot, path))
                {
                    Add(cogYaml);
                    foreach (var sibling in RequirementsClosure(snapshot, cogYaml))
                    {
                        if (snapshot.FileExists(sibling))
                        {
                            Add(sibling);
                        }
                    }
                }
            }
        }

        return result;

        void Add(string path)
        {
            if (seen.Add(path))
            {
                result.Add(path);
            }
        }
    }

    /// <summary>The snapshot cache holds reference types only.</summary>
    private sealed record Box<T>(T Value);
}
