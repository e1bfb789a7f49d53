using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Requirements;

/// <summary>A parenthesized marker expression.</summary>
public sealed record MarkerGroupNode(TextSpan Span, MarkerNode Inner) : MarkerNode(Span);
