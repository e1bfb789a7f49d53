using System.Collections.Immutable;
using CogLsp.Analysis;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Indexes;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Server.Cli;

/// <summary>
/// The analysis behind `cog-lsp check`: the same LanguageServices and DiagnosticService the server
/// uses, over the files on disk. A directory means every cog.yaml below it and the requirements files
/// they use, plus requirements files found by name; a file means that file.
/// </summary>
public sealed class CheckRunner(LanguageServices services, IFileSystem fileSystem)
{
    public sealed record FileResult(Document Document, ImmutableArray<Diagnostic> Diagnostics);

    public sealed record Outcome(IReadOnlyList<FileResult> Files, IReadOnlyList<string> Problems);

    public Outcome Run(IEnumerable<string> inputs, AnalysisOptions options, CancellationToken cancellationToken = default) =>
        RunAsync(inputs, options, null, cancellationToken).GetAwaiter().GetResult();

    /// <summary>As <see cref="Run"/>; with an index client (`--online`), the index pages the files need are read first.</summary>
    public async Task<Outcome> RunAsync(IEnumerable<string> inputs, AnalysisOptions options, IPackageIndexClient? indexClient, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var files = new List<string>();
        var named = new List<string>();
        var roots = new List<string>();
        foreach (var input in inputs)
        {
            var full = PathUtil.Normalize(Path.GetFullPath(input));
            if (fileSystem.DirectoryExists(full))
            {
                roots.Add(full);
                files.AddRange(ProjectDiscovery.FindFiles(fileSystem, full));
            }
            else if (fileSystem.FileExists(full))
            {
                roots.Add(PathUtil.GetDirectory(full));
                named.Add(full);
            }
            else
            {
                problems.Add($"{input}: no such file or directory");
            }
        }

        var workspace = WorkspaceSnapshot.Create(fileSystem, roots, options);
        var diagnostics = new DiagnosticService(services);
        var results = new List<FileResult>();
        // A folder means its projects (with the requirements files they use, wherever they are named); a file means just that file.
        var paths = CogProjectLocator.RelatedFiles(workspace, files).Concat(named).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (indexClient is not null && options.PackageIndex.Enabled)
        {
            var documents = paths.Select(p => CogProjectLocator.GetDocument(workspace, p)).OfType<Document>();
            workspace = await OnlineIndexes.FetchAsync(workspace, documents, indexClient, cancellationToken).ConfigureAwait(false);
        }

        foreach (var path in paths)
        {
            var document = CogProjectLocator.GetDocument(workspace, path);
            if (document is null || document.Kind == DocumentKind.Unknown)
            {
                if (named.Contains(path) && document is not null)
                {
                    problems.Add($"{path}: not a cog.yaml or requirements file; skipped");
                }

                continue;
            }

            results.Add(new FileResult(document, diagnostics.GetDiagnostics(workspace, document, cancellationToken)));
        }

        return new Outcome(results, problems);
    }
}
