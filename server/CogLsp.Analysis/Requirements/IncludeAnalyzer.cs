using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using D = CogLsp.Analysis.Requirements.RequirementsDescriptors;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// REQ0301 and REQ0302: `-r`/`-c` files are followed through the snapshot (open documents win over
/// the disk). A missing file is reported on its path; an include that leads back to this file is a
/// cycle. Only this file's include lines are reported: an included file's problems are its own.
/// </summary>
public sealed class IncludeAnalyzer : IDiagnosticAnalyzer
{
    /// <summary>Deep include chains stop being followed here; real projects are far shallower.</summary>
    private const int MaxDepth = 32;

    public DocumentKind Kind => DocumentKind.Requirements;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [D.MissingInclude, D.IncludeCycle];

    public void Analyze(AnalysisContext context)
    {
        foreach (var include in RequirementsIncludes.Get(context.Document))
        {
            if (include.ResolvedPath is null)
            {
                continue;
            }

            var target = context.Workspace.GetDocument(include.ResolvedPath, DocumentKind.Requirements);
            if (target is null)
            {
                context.Report(D.MissingInclude, include.PathSpan, include.Written, include.ResolvedPath);
                continue;
            }

            var chain = FindPathBack(context.Workspace, target, context.Document.Path, [context.Document.Path], 0);
            if (chain is not null)
            {
                context.Report(D.IncludeCycle, include.PathSpan, include.Written, string.Join(" → ", chain.Select(PathUtil.GetFileName)));
            }
        }
    }

    private static List<string>? FindPathBack(WorkspaceSnapshot workspace, Document current, string origin, List<string> chain, int depth)
    {
        if (depth > MaxDepth || chain.Contains(current.Path) && current.Path != origin)
        {
            return null;
        }

        var next = new List<string>(chain) { current.Path };
        if (current.Path == origin)
        {
            return next;
        }

        foreach (var include in RequirementsIncludes.Get(current))
        {
            if (include.ResolvedPath is null)
            {
                continue;
            }

            if (include.ResolvedPath == origin)
            {
                return [.. next, origin];
            }

            if (next.Contains(include.ResolvedPath))
            {
                continue;
            }

            var doc = workspace.GetDocument(include.ResolvedPath, DocumentKind.Requirements);
            if (doc is not null && FindPathBack(workspace, doc, origin, next, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
