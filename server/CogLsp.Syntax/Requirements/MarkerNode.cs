using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Requirements;

/// <summary>A node of an environment marker expression; spans are relative to the line start.</summary>
public abstract record MarkerNode(TextSpan Span);
