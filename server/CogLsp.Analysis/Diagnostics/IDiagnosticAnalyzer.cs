using System.Collections.Immutable;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Diagnostics;

/// <summary>
/// One diagnostic family for one kind of document. Analyzers are stateless and thread-safe: they read
/// the snapshot in the context and report; they never throw on user input.
/// </summary>
public interface IDiagnosticAnalyzer
{
    DocumentKind Kind { get; }

    ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    void Analyze(AnalysisContext context);
}
