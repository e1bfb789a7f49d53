using BenchmarkDotNet.Attributes;
using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Text;

namespace CogLsp.Benchmarks.Requirements;

/// <summary>Full and incremental parse of a 10,000-line requirements file.</summary>
[MemoryDiagnoser]
public class RequirementsParseBenchmarks
{
    private string _text = string.Empty;
    private RequirementsSyntaxTree _tree = null!;
    private TextChange _change;
    private string _edited = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _text = RequirementsCorpus.Generate(10_000);
        _tree = RequirementsSyntaxTree.Parse(_text);
        var at = _text.Length / 2;
        _change = new TextChange(new TextSpan(at, 0), "x");
        _edited = _text.Insert(at, "x");
    }

    [Benchmark(Baseline = true)]
    public RequirementsSyntaxTree FullParse() => RequirementsSyntaxTree.Parse(_text);

    [Benchmark]
    public RequirementsSyntaxTree IncrementalEdit() => _tree.WithChange(_change, _edited);
}
