using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Requirements;

/// <summary>`left op right`, e.g. `python_version &lt; "3.11"` or `"linux" in sys_platform`.</summary>
public sealed record MarkerComparisonNode(TextSpan Span, MarkerOperand Left, SyntaxValue Operator, MarkerOperand Right) : MarkerNode(Span);
