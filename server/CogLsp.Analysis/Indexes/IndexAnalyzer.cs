using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// REQ06xx: each requirement against what the indexes pip reads in Cog's image list (see
/// <see cref="IndexDescriptors"/>). Reads only facts already in the snapshot: a requirement whose pages
/// have not answered yet gets nothing, and an index that could not be read marks no line, only one note
/// per file (REQ0610).
/// </summary>
public sealed class IndexAnalyzer : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.Requirements;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [.. IndexDescriptors.All];

    public void Analyze(AnalysisContext context) =>
        IndexFindings.Analyze(context, IndexLookups.For(context.Workspace, context.Document), rule => rule);
}
