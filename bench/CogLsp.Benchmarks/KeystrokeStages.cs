using System.Diagnostics;
using System.Text.Json;
using CogLsp.Analysis;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Requirements;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Conversion;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;
using CogLsp.Syntax.Text;

namespace CogLsp.Benchmarks;

/// <summary>
/// Where one keystroke's time goes on the server's path, stage by stage, in this process (no JSON-RPC):
/// apply the change, derive the snapshot and tree, find the documents to publish, analyze, convert,
/// digest and serialise. Medians over many keystrokes, for a small and a large file.
/// COG_LSP_BENCH_INDEX_FACTS=1 runs the same with package indexes on and an answer for every page.
/// </summary>
public static class KeystrokeStages
{
    public static int Run(int keystrokes = 400)
    {
        var services = LanguageServices.CreateDefault();
        var diagnosticsService = new DiagnosticService(services);
        foreach (var lines in new[] { 100, 10_000 })
        {
            var text = Environment.GetEnvironmentVariable("COG_LSP_BENCH_ONLY") switch { "clean" => Corpus.CleanRequirementsFile(lines), "dense" => Corpus.RequirementsFile(lines), _ => Corpus.PinnedRequirementsFile(lines) };
            var files = new InMemoryFileSystem().Add("/p/cog.yaml", Corpus.CogYaml()).Add("/p/requirements.txt", text).Add("/p/predict.py", "class Predictor: pass\n");
            var workspace = WorkspaceSnapshot.Create(files, ["/p"]).WithOpenDocument("/p/requirements.txt", SourceText.From(text), 1, DocumentKind.Requirements);
            if (WithIndex)
            {
                workspace = WithIndexAnswers(workspace);
            }

            var times = new Dictionary<string, List<double>>();
            var converter = new LspConverter(PositionEncoding.Utf16, new DocumentUris());
            // As in the server, where didChange positions are converted with the old text's line map.
            var offset = workspace.GetDocument("/p/requirements.txt")!.Text.GetLineStart(lines / 2);
            RequirementsDocument.GetSyntax(workspace.GetDocument("/p/requirements.txt")!);
            for (var k = 0; k < keystrokes; k++)
            {
                var document = workspace.OpenDocuments["/p/requirements.txt"];
                var started = Stopwatch.GetTimestamp();
                var change = new TextChange(new TextSpan(offset++, 0), "x");
                _ = document.Text.LineCount;
                var newText = document.Text.WithChanges([change]);
                Mark(times, "1 apply change", ref started);
                workspace = workspace.WithOpenDocument("/p/requirements.txt", newText, k + 2, DocumentKind.Requirements);
                var updated = workspace.OpenDocuments["/p/requirements.txt"];
                Mark(times, "2 new snapshot", ref started);
                RequirementsDocument.GetSyntax(updated);
                Mark(times, "3 incremental parse", ref started);
                var targets = DiagnosticsPublisher.Targets(workspace).ToList();
                Mark(times, "4 documents to publish", ref started);
                foreach (var target in targets)
                {
                    var name = target.Kind == DocumentKind.CogYaml ? "cog.yaml" : "requirements";
                    var diagnostics = diagnosticsService.GetDiagnostics(workspace, target);
                    Mark(times, $"5 analyze {name}", ref started);
                    var lsp = diagnostics.Select(d => converter.ToDiagnostic(target.Text, d, p => workspace.GetDocument(p)?.Text)).ToArray();
                    Mark(times, $"6 convert {name}", ref started);
                    _ = DiagnosticReports.Hash(lsp);
                    Mark(times, $"7 digest {name}", ref started);
                    _ = JsonSerializer.SerializeToUtf8Bytes(lsp, LspJson.Options);
                    Mark(times, $"8 serialise {name}", ref started);
                }
            }

            Console.WriteLine($"{lines} lines{(WithIndex ? $", index on ({workspace.Indexes.Count} answers)" : string.Empty)}, median per keystroke (p99):");
            var total = 0.0;
            foreach (var (name, values) in times.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                var sorted = values.Order().ToList();
                total += sorted[sorted.Count / 2];
                var bytes = Allocated[name].Skip(Allocated[name].Count - values.Count).Order().ToList();
                Console.WriteLine($"    {name,-28} {sorted[sorted.Count / 2],7:F3} ms  ({sorted[(int)(sorted.Count * 0.99)],7:F3})  {bytes[bytes.Count / 2] / 1024.0,8:F1} KiB");
            }

            Console.WriteLine($"    {"sum of medians",-28} {total,7:F3} ms");
        }

        return 0;
    }

    /// <summary>COG_LSP_BENCH_INDEX_FACTS=1: package indexes on, with an answer for every page the file needs (each lists the file's pins), so the index rules run on every line as in a warm server.</summary>
    private static bool WithIndex => Environment.GetEnvironmentVariable("COG_LSP_BENCH_INDEX_FACTS") == "1";

    private static WorkspaceSnapshot WithIndexAnswers(WorkspaceSnapshot workspace)
    {
        workspace = workspace.WithOptions(workspace.Options with { PackageIndex = new PackageIndexSettings(true, Analysis.Indexes.IndexSettings.PyPI, Analysis.Indexes.IndexSettings.PyTorchBase) });
        var document = workspace.GetDocument("/p/requirements.txt")!;
        var answers = new List<Analysis.Indexes.IndexAnswer>();
        foreach (var lookup in Analysis.Indexes.IndexLookups.For(workspace, document))
        {
            var version = lookup.PinnedVersion ?? "1.0";
            var files = new[] { $"{lookup.Project.Replace('-', '_')}-{version}-py3-none-any.whl", $"{lookup.Project.Replace('-', '_')}-{version}.tar.gz" };
            foreach (var query in lookup.Queries)
            {
                var page = new Analysis.Indexes.ProjectPage(query.Source, lookup.Project, [.. files.Select(f => new Analysis.Indexes.IndexFile(f, query.Source.Url + f, null, false, null, null, null))], null);
                answers.Add(new Analysis.Indexes.IndexAnswer(query, Analysis.Indexes.IndexAnswerKind.Found, page, null, DateTimeOffset.UtcNow, false, false));
            }
        }

        return workspace.WithIndexAnswers(answers);
    }

    private static readonly Dictionary<string, List<long>> Allocated = [];
    private static long _allocatedBefore = GC.GetAllocatedBytesForCurrentThread();

    private static void Mark(Dictionary<string, List<double>> times, string stage, ref long started)
    {
        var now = Stopwatch.GetTimestamp();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        if (!Allocated.TryGetValue(stage, out var bytes))
        {
            Allocated[stage] = bytes = [];
        }

        bytes.Add(allocated - _allocatedBefore);
        _allocatedBefore = allocated;
        if (!times.TryGetValue(stage, out var list))
        {
            times[stage] = list = [];
        }

        list.Add(Stopwatch.GetElapsedTime(started, now).TotalMilliseconds);
        started = now;
    }
}
