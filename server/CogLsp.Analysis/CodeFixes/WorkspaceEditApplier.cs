using System.Collections.Immutable;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CodeFixes;

/// <summary>
/// Applies an edit model to a snapshot without touching the disk: the new text of every file it changes
/// (created files included), and a snapshot where those texts are open documents, so a further fix can
/// be computed on top (as `cog-lsp fix` does: the migration first, then fix-all). Tests use it to show
/// the text after a fix.
/// </summary>
public static class WorkspaceEditApplier
{
    /// <summary>The outcome: the new snapshot and, per changed path, the text and whether the file is new.</summary>
    public sealed record Result(WorkspaceSnapshot Workspace, ImmutableDictionary<string, (SourceText Text, bool Created)> Files);

    /// <summary>
    /// Applies <paramref name="edit"/>. <paramref name="created"/> names files created by earlier edits in
    /// the same run (they stay marked as created). Fails (returns null with a reason) when a file to create
    /// exists or a file to edit does not.
    /// </summary>
    public static Result? Apply(WorkspaceSnapshot workspace, WorkspaceEditModel edit, out string? failure, IReadOnlySet<string>? created = null)
    {
        failure = null;
        var files = ImmutableDictionary.CreateBuilder<string, (SourceText Text, bool Created)>(StringComparer.Ordinal);
        foreach (var change in edit.Changes)
        {
            var path = PathUtil.Normalize(change.Path);
            switch (change)
            {
                case CreateFileChange create:
                    if (files.ContainsKey(path) || workspace.FileExists(path))
                    {
                        failure = $"{path} already exists";
                        return null;
                    }

                    files[path] = (SourceText.From(create.Content), true);
                    break;
                case EditFileChange editFile:
                    var current = files.TryGetValue(path, out var pending) ? pending.Text : workspace.GetDocument(path)?.Text;
                    if (current is null)
                    {
                        failure = $"{path} does not exist";
                        return null;
                    }

                    try
                    {
                        files[path] = (current.WithChanges(editFile.Changes), pending.Created || (created?.Contains(path) ?? false));
                    }
                    catch (ArgumentException e)
                    {
                        failure = $"{path}: {e.Message}";
                        return null;
                    }

                    break;
            }
        }

        var result = workspace;
        foreach (var (path, (text, _)) in files)
        {
            var version = (result.GetDocument(path)?.Version ?? 0) + 1;
            result = result.WithOpenDocument(path, text, version);
        }

        return new Result(result, files.ToImmutable());
    }
}
