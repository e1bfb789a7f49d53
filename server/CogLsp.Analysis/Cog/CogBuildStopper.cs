using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// One condition on which `cog build` stops: the rule that reports it (a descriptor with
/// <see cref="DiagnosticDescriptor.StopsCogBuild"/> when the stopper is <see cref="Shown"/>), where (a
/// span in <see cref="Path"/>), the arguments of the rule's message, and the text Cog prints (quoted by
/// `cog-lsp resolve`).
/// </summary>
public sealed record CogBuildStopper(
    DiagnosticDescriptor Descriptor,
    string Path,
    TextSpan Span,
    ImmutableArray<object?> Arguments,
    string CogMessage,
    CogBuildPhase Phase)
{
    /// <summary>
    /// False for a line Cog prints about a condition whose diagnostic comes from elsewhere: another stopper
    /// on the same span (Cog's schema check and its validation both reject an environment item), or a rule
    /// the resolver keeps (COG0201, missing python_version, is also a schema error). Such stoppers carry
    /// Cog's text for `resolve` and are never reported.
    /// </summary>
    public bool Shown { get; init; } = true;

    /// <summary>The diagnostic `check` and the editor show for it.</summary>
    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Path, Span, [.. Arguments]);
}
