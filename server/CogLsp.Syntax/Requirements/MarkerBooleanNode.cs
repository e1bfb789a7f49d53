using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Requirements;

/// <summary>`left and right` or `left or right`; `and` binds tighter than `or`, as in PEP 508.</summary>
public sealed record MarkerBooleanNode(TextSpan Span, MarkerNode Left, SyntaxValue Operator, MarkerNode Right) : MarkerNode(Span);
