using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// One finding about one requirement. <see cref="Span"/> is absolute in the requirements text (for
/// python_packages, relative to the entry's text); <see cref="Line"/> is the 0-based physical line of
/// the span's start (the entry index for python_packages); <see cref="Column"/> is the UTF-16 column
/// within that line. <see cref="Fix"/> is replacement text for <see cref="Span"/> when one is known.
/// </summary>
public sealed record CogFinding(CogFindingKind Kind, DiagnosticSeverity Severity, int Line, int Column, TextSpan Span, string Message)
{
    public string? Fix { get; init; }

    /// <summary>True when the finding is about a python_packages entry rather than a requirements file.</summary>
    public bool InPythonPackages { get; init; }
}
