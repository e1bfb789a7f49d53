using System.Diagnostics;
using CogLsp.Analysis;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Benchmarks;

/// <summary>
/// Where a keystroke's analysis time goes: for each analyzer, the median time over a number of edited
/// snapshots of requirements files of several sizes (each edit makes a new document, as typing does).
/// </summary>
public static class AnalyzerCosts
{
    public static int Run(int rounds = 15)
    {
        var services = LanguageServices.CreateDefault();
        foreach (var (corpus, make) in new (string, Func<int, string>)[] { ("clean", Corpus.CleanRequirementsFile), ("pinned", Corpus.PinnedRequirementsFile), ("dense", Corpus.RequirementsFile) })
        foreach (var lines in new[] { 100, 1_000, 10_000 })
        {
            var files = new InMemoryFileSystem().Add("/p/cog.yaml", Corpus.CogYaml()).Add("/p/requirements.txt", make(lines));
            var workspace = WorkspaceSnapshot.Create(files, ["/p"]);
            var text = SourceText.From(make(lines));
            Document? previous = null;
            var times = services.Analyzers.Where(a => a.Kind == DocumentKind.Requirements).ToDictionary(a => a.GetType().Name, _ => new List<double>());
            times["(parse)"] = [];
            var bytes = new Dictionary<string, long> { ["(parse)"] = 0 };
            var diagnosticsCount = 0;
            for (var round = 0; round < rounds; round++)
            {
                var change = new TextChange(new TextSpan(text.GetLineStart(lines / 2), 0), "x");
                text = text.WithChanges([change]);
                _ = text.LineCount;
                workspace = workspace.WithOpenDocument("/p/requirements.txt", text, round + 1, DocumentKind.Requirements);
                var document = workspace.GetDocument("/p/requirements.txt")!;

                // As the server does on didChange: the new tree is derived from the previous one.
                var carry = Stopwatch.GetTimestamp();
                CogLsp.Analysis.Requirements.RequirementsDocument.GetSyntax(document);
                times["(parse)"].Add(Stopwatch.GetElapsedTime(carry).TotalMilliseconds);
                previous = document;
                var context = new AnalysisContext(workspace, document, default);
                foreach (var analyzer in services.Analyzers.Where(a => a.Kind == DocumentKind.Requirements))
                {
                    var started = Stopwatch.GetTimestamp();
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    analyzer.Analyze(context);
                    times[analyzer.GetType().Name].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    bytes[analyzer.GetType().Name] = GC.GetAllocatedBytesForCurrentThread() - allocated;
                }

                diagnosticsCount = context.Diagnostics.Count;
            }

            Console.WriteLine($"{corpus} corpus, {lines,6} lines ({diagnosticsCount} diagnostics):");
            foreach (var (name, values) in times.OrderByDescending(t => Median(t.Value)))
            {
                Console.WriteLine($"    {name,-28} median {Median(values),8:F2} ms, last round allocated {bytes.GetValueOrDefault(name) / 1024.0,8:F1} KiB");
            }
        }

        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
