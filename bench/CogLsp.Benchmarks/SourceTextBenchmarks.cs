using BenchmarkDotNet.Attributes;
using CogLsp.Syntax.Text;

namespace CogLsp.Benchmarks;

/// <summary>The cost of one keystroke on a 10,000-line document: applying the edit and mapping positions.</summary>
[MemoryDiagnoser]
public class SourceTextBenchmarks
{
    private SourceText _text = SourceText.Empty;
    private int _middle;

    [GlobalSetup]
    public void Setup()
    {
        _text = SourceText.From(Corpus.RequirementsFile(10_000));
        _middle = _text.GetLineStart(5_000);
        _ = _text.LineCount;
    }

    [Benchmark(Baseline = true)]
    public SourceText InsertOneCharacter() => _text.WithChange(new TextSpan(_middle, 0), "x");

    [Benchmark]
    public int InsertAndMapPosition()
    {
        var edited = _text.WithChange(new TextSpan(_middle, 0), "x");
        return edited.GetOffset(new LinePosition(9_000, 4));
    }

    [Benchmark]
    public LinePosition Utf8PositionOfLastLine() => _text.GetLinePosition(_text.Length - 1, PositionEncoding.Utf8);
}
