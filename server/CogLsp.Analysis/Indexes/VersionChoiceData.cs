using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The versions a fix may write in place of <see cref="Replace"/> (the requirement's specifiers, document
/// offsets), each as <see cref="Operator"/> + version, best first: the listed versions nearest to a missing
/// or yanked pin.
/// </summary>
public sealed record VersionChoiceData(TextSpan Replace, string Operator, ImmutableArray<string> Versions) : DiagnosticData
{
    public override DiagnosticData MoveBy(int delta) => this with { Replace = new TextSpan(Replace.Start + delta, Replace.Length) };
}
