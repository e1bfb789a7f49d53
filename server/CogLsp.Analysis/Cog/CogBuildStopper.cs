using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// One condition on which `cog build` stops: the rule that reports it (a descriptor with
/// <see cref="DiagnosticDescriptor.StopsCogBuild"/>), where (a span in <see cref="Path"/>), the
/// arguments of the rule's message, and the text Cog prints (quoted by `cog-lsp resolve`).
/// </summary>
public sealed record CogBuildStopper(
    DiagnosticDescriptor Descriptor,
    string Path,
    TextSpan Span,
    ImmutableArray<object?> Arguments,
    string CogMessage,
    CogBuildPhase Phase)
{
    /// <summary>The diagnostic `check` and the editor show for it.</summary>
    public Diagnostic ToDiagnostic() => Diagnostic.Create(Descriptor, Path, Span, [.. Arguments]);
}
