using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Diagnostics;

/// <summary>Another place that explains a diagnostic (e.g. the first of two duplicate requirements).</summary>
public sealed record RelatedLocation(string Path, TextSpan Span, string Message);
