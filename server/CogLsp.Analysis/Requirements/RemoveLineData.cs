using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Requirements;

/// <summary>The whole logical line a fix removes (its line break included), as a span of the document.</summary>
public sealed record RemoveLineData(TextSpan Line) : DiagnosticData
{
    public override DiagnosticData MoveBy(int delta) => this with { Line = new TextSpan(Line.Start + delta, Line.Length) };
}
