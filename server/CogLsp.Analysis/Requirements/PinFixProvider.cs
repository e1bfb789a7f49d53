using System.Collections.Immutable;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Indexes;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Pep440;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// REQ0201 (not pinned): pin an exact version. Each offer says where the version comes from: the
/// project's virtual environment (what the user runs today), or Cog's compatibility table for the torch
/// and tensorflow family (the newest build Cog knows for this Python and CUDA). A version that the
/// written range does not allow is never offered.
/// </summary>
public sealed class PinFixProvider(ICogConfigProvider configs, CompatibilityTable? table = null) : ICodeFixProvider
{
    private readonly CompatibilityTable? _table = table;

    public ImmutableArray<string> FixableDiagnosticIds { get; } = ["REQ0201"];

    public IEnumerable<CodeActionItem> GetFixes(CodeFixContext context)
    {
        if (context.Diagnostic.Data is not PinFixData data)
        {
            yield break;
        }

        var allowed = data.Specifier.Length == 0 ? Pep440SpecifierSet.Empty : Pep440SpecifierSet.TryParse(data.Specifier, out var set) ? set : null;
        if (allowed is null || data.Replace.End > context.Document.Text.Length)
        {
            yield break;
        }

        var offered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (version, source, installed) in Candidates(context, data.NormalizedName, allowed))
        {
            if (!offered.Add(version) || !Pep440Version.TryParse(version, out var parsed) || !allowed.Contains(parsed, prereleases: true))
            {
                continue;
            }

            var change = new TextChange(data.Replace, "==" + version);
            var document = context.Document;
            yield return new CodeActionItem($"Pin {data.Name}=={version} ({source})", CodeActionItem.QuickFix, _ => new WorkspaceEditModel([new EditFileChange(document.Path, document.Version, [change])]))
            {
                IsPreferred = offered.Count == 1,
                FixAllKey = installed ? "pin to the versions installed in the virtual environment" : null,
            };
        }
    }

    /// <summary>The versions to offer, each with where it comes from in words and whether that is the virtual environment.</summary>
    private IEnumerable<(string Version, string Source, bool Installed)> Candidates(CodeFixContext context, string name, Pep440SpecifierSet allowed)
    {
        // In a cog.yaml (a python_packages item) the config is that file's own.
        var config = context.Document.Kind == DocumentKind.CogYaml
            ? configs.ReadConfig(context.Workspace, context.Document)
            : configs.FindConfigFor(context.Workspace, context.Document);
        var projectDirectory = config is null ? context.Document.Directory : PathUtil.GetDirectory(config.CogYamlPath);
        if (InstalledPackages.Find(context.Workspace, projectDirectory).TryGetValue(name, out var installed))
        {
            yield return (installed.Version, $"installed in {PathUtil.GetFileName(installed.Environment)}", true);
        }

        // What pip picks in the image, when the indexes have answered (a requirements line, a python_packages item or a build.run argument).
        if (context.Document.Kind is DocumentKind.Requirements or DocumentKind.CogYaml && IndexPicks.For(context.Workspace, context.Document, context.Diagnostic.Span.Start) is { Outcome: PickOutcome.Picked, Picked: { } picked })
        {
            yield return (picked.Version.ToString(), "what pip installs in the image", false);
        }

        if (CogPackages.TablePackages.Contains(name))
        {
            var table = _table ?? CompatibilityTable.Default;
            var python = config?.PythonVersion is { } p && CogVersion.TryParse(p) is { } v ? $"{v.Major}.{v.Minor}" : null;
            var resolution = config is { Gpu: true } ? CogResolutionCache.Get(context.Workspace, config) : null;
            var cuda = resolution is { Error: null, Cuda.Length: > 0 } ? resolution.Cuda : null;
            var versions = name == "tensorflow"
                ? table.TensorFlow.Where(r => python is null || r.Pythons.Contains(python)).Where(r => cuda is null || CogVersion.EqualMinor(r.Cuda, cuda)).Select(r => r.TensorFlow)
                : table.TorchAll.Where(r => python is null || r.Pythons.Contains(python)).Where(r => cuda is null || (r.Cuda is not null && CogVersion.EqualMinor(r.Cuda, cuda)))
                    .Select(r => r.VersionOf(name)!);
            var where = string.Join(", ", new[] { python is null ? null : $"Python {python}", cuda is null ? null : $"CUDA {cuda}" }.OfType<string>());
            var inRange = CogTableVersionSource.Ordered(versions)
                .Where(v => Pep440Version.TryParse(v, out var parsed) && allowed.Contains(parsed, prereleases: true));
            foreach (var version in inRange.Take(3))
            {
                yield return (version, $"in Cog's table{(where.Length == 0 ? string.Empty : " for " + where)}", false);
            }
        }
    }
}
