using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Diagnostics;

/// <summary>What an analyzer sees (one document in one snapshot) and where it reports.</summary>
public sealed class AnalysisContext(WorkspaceSnapshot workspace, Document document, CancellationToken cancellationToken)
{
    private readonly List<Diagnostic> _diagnostics = [];

    public WorkspaceSnapshot Workspace { get; } = workspace;

    public Document Document { get; } = document;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public void Report(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    public Diagnostic Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args)
    {
        var diagnostic = Diagnostic.Create(descriptor, Document.Path, span, args);
        _diagnostics.Add(diagnostic);
        return diagnostic;
    }
}
