using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CodeFixes;

/// <summary>
/// Gathers the actions for a span of a document: fixes for the diagnostics that touch it, refactorings,
/// and, where a kind of fix applies more than once in the file, one "fix all" action per kind. The
/// server and the CLI's `fix` command both use it, so they offer the same edits.
/// </summary>
public sealed class CodeActionService(LanguageServices services, DiagnosticService diagnostics)
{
    public IReadOnlyList<CodeActionItem> GetActions(WorkspaceSnapshot workspace, Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var all = diagnostics.GetDiagnostics(workspace, document, cancellationToken);
        var actions = new List<CodeActionItem>();
        foreach (var diagnostic in all.Where(d => d.Span.IntersectsWith(span)))
        {
            actions.AddRange(FixesFor(workspace, document, diagnostic, cancellationToken));
        }

        var feature = new FeatureContext(workspace, document, cancellationToken);
        foreach (var provider in services.RefactoringProviders.Where(p => p.Kind == document.Kind))
        {
            actions.AddRange(provider.GetRefactorings(feature, span));
        }

        foreach (var key in actions.Where(a => a.FixAllKey is not null).Select(a => a.FixAllKey!).Distinct().ToList())
        {
            var fixAll = FixAll(workspace, document, key, cancellationToken);
            if (fixAll is not null)
            {
                actions.Add(fixAll);
            }
        }

        return actions;
    }

    /// <summary>Every fix of the given kind in the file, combined into one action; null when there are fewer than two.</summary>
    public CodeActionItem? FixAll(WorkspaceSnapshot workspace, Document document, string fixAllKey, CancellationToken cancellationToken)
    {
        var fixes = diagnostics.GetDiagnostics(workspace, document, cancellationToken)
            .SelectMany(d => FixesFor(workspace, document, d, cancellationToken))
            .Where(a => a.FixAllKey == fixAllKey)
            .ToList();
        if (fixes.Count < 2)
        {
            return null;
        }

        return new CodeActionItem($"Fix all in file: {fixAllKey} ({fixes.Count})", CodeActionItem.QuickFix, ct => Combine(fixes.Select(f => f.ComputeEdit(ct))))
        {
            Diagnostics = fixes.SelectMany(f => f.Diagnostics).ToImmutableArray(),
        };
    }

    /// <summary>All fix-all actions of a file, for the source.fixAll kind and `cog-lsp fix`.</summary>
    public IReadOnlyList<CodeActionItem> FixAllInFile(WorkspaceSnapshot workspace, Document document, CancellationToken cancellationToken)
    {
        var fixes = diagnostics.GetDiagnostics(workspace, document, cancellationToken)
            .SelectMany(d => FixesFor(workspace, document, d, cancellationToken))
            .Where(a => a.FixAllKey is not null)
            .ToList();
        if (fixes.Count == 0)
        {
            return [];
        }

        return [new CodeActionItem("Fix all cog-lsp problems in file", CodeActionItem.FixAll, ct => Combine(fixes.Select(f => f.ComputeEdit(ct))))];
    }

    public IEnumerable<CodeActionItem> FixesFor(WorkspaceSnapshot workspace, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var context = new CodeFixContext(workspace, document, diagnostic, cancellationToken);
        foreach (var provider in services.CodeFixProviders)
        {
            if (!provider.FixableDiagnosticIds.Contains(diagnostic.Id))
            {
                continue;
            }

            foreach (var action in provider.GetFixes(context))
            {
                yield return action.Diagnostics.IsDefaultOrEmpty ? action with { Diagnostics = [diagnostic] } : action;
            }
        }
    }

    /// <summary>
    /// Merges edits: changes to one file are combined, and a change that overlaps one already taken is
    /// dropped (that fix can be applied on a later run), so the result never garbles text.
    /// </summary>
    public static WorkspaceEditModel Combine(IEnumerable<WorkspaceEditModel> edits)
    {
        var creates = new List<FileChange>();
        var byFile = new Dictionary<string, (int? Version, List<TextChange> Changes)>(StringComparer.Ordinal);
        foreach (var change in edits.SelectMany(e => e.Changes))
        {
            switch (change)
            {
                case CreateFileChange create when !creates.OfType<CreateFileChange>().Any(c => c.Path == create.Path):
                    creates.Add(create);
                    break;
                case EditFileChange edit:
                    if (!byFile.TryGetValue(edit.Path, out var entry))
                    {
                        byFile[edit.Path] = entry = (edit.Version, []);
                    }

                    foreach (var textChange in edit.Changes)
                    {
                        if (!entry.Changes.Any(c => c.Span.OverlapsWith(textChange.Span) || (c.Span.IsEmpty && textChange.Span.IsEmpty && c.Span.Start == textChange.Span.Start) || (c.Span.Start == textChange.Span.Start && (c.Span.IsEmpty || textChange.Span.IsEmpty))))
                        {
                            entry.Changes.Add(textChange);
                        }
                    }

                    break;
            }
        }

        var result = creates.Concat(byFile.Select(kv => (FileChange)new EditFileChange(kv.Key, kv.Value.Version, kv.Value.Changes.OrderBy(c => c.Span.Start).ToImmutableArray())));
        return new WorkspaceEditModel(result.ToImmutableArray());
    }
}
