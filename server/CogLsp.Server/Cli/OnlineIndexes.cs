using CogLsp.Analysis;
using CogLsp.Analysis.Indexes;
using CogLsp.Analysis.Workspace;
using CogLsp.PackageIndex;

namespace CogLsp.Server.Cli;

/// <summary>
/// `--online` for the CLI: reads every index page the given documents need (through the same client and
/// disk cache as the server) and returns the snapshot with the answers, so the index rules run as in the
/// editor. Without `--online` nothing here runs and no request is made.
/// </summary>
public static class OnlineIndexes
{
    /// <summary>The options for `--online` with optional `--index-url` / `--pytorch-index-url`; null with a message on bad input.</summary>
    public static AnalysisOptions? Apply(AnalysisOptions options, string? indexUrl, string? pytorchUrl, TextWriter stderr)
    {
        var settings = options.PackageIndex with { Enabled = true };
        foreach (var (name, value) in new[] { ("--index-url", indexUrl), ("--pytorch-index-url", pytorchUrl) })
        {
            if (value is not null && !IndexUrls.IsHttp(value))
            {
                stderr.WriteLine($"cog-lsp: {name} expects an http(s) URL, got '{IndexUrls.Redact(value)}'");
                return null;
            }
        }

        settings = settings with
        {
            DefaultIndexUrl = indexUrl ?? settings.DefaultIndexUrl,
            PyTorchBaseUrl = pytorchUrl ?? settings.PyTorchBaseUrl,
        };
        return options with { PackageIndex = settings };
    }

    public static async Task<WorkspaceSnapshot> FetchAsync(WorkspaceSnapshot workspace, IEnumerable<Document> documents, IPackageIndexClient client, CancellationToken cancellationToken = default)
    {
        var queries = IndexDemands.Collect(workspace, documents, cancellationToken).ToList();
        if (queries.Count == 0)
        {
            return workspace;
        }

        var answers = await Task.WhenAll(queries.Select(q => client.GetAsync(q, cancellationToken))).ConfigureAwait(false);
        return workspace.WithIndexAnswers(answers);
    }

    /// <summary>The client the CLI uses (disk cache under $COG_LSP_CACHE_DIR or the platform's cache folder).</summary>
    public static PackageIndexClient CreateClient() => new();
}
