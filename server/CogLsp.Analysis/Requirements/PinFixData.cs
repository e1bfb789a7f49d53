using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// REQ0201's fix data: the name as written and normalised, the specifier as written (empty when there is
/// none), and the span of the document a pin `==VERSION` replaces (empty: insert at its start).
/// </summary>
public sealed record PinFixData(string Name, string NormalizedName, string Specifier, TextSpan Replace) : DiagnosticData
{
    public override DiagnosticData MoveBy(int delta) => this with { Replace = new TextSpan(Replace.Start + delta, Replace.Length) };
}
