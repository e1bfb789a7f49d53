using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CodeFixes;

/// <summary>One change to one file: create it with content, or edit it (the edit carries the document version it was computed against).</summary>
public abstract record FileChange(string Path);

/// <summary>Create a new file. Never overwrites: a client refuses it when the file exists.</summary>
public sealed record CreateFileChange(string Path, string Content) : FileChange(Path);

/// <summary>Edits of an existing file; <see cref="Version"/> is the editor version they were computed for (null for a file not open).</summary>
public sealed record EditFileChange(string Path, int? Version, ImmutableArray<TextChange> Changes) : FileChange(Path);

/// <summary>The edits of a code action across files, applied in order.</summary>
public sealed record WorkspaceEditModel(ImmutableArray<FileChange> Changes)
{
    public static WorkspaceEditModel Empty { get; } = new([]);
}

/// <summary>
/// A proposed change. <see cref="ComputeEdit"/> runs only when the user picks the action (or the client
/// cannot resolve lazily), so offering actions stays cheap. <see cref="FixAllKey"/> groups actions of
/// the same kind for "fix all in file".
/// </summary>
public sealed record CodeActionItem(string Title, string Kind, Func<CancellationToken, WorkspaceEditModel> ComputeEdit)
{
    public const string QuickFix = "quickfix";
    public const string Refactor = "refactor.rewrite";
    public const string FixAll = "source.fixAll.cog-lsp";

    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    public bool IsPreferred { get; init; }

    public string? FixAllKey { get; init; }
}

/// <summary>Offers fixes for diagnostics with the IDs it names; the fix for a rule lives beside its analyzer.</summary>
public interface ICodeFixProvider
{
    ImmutableArray<string> FixableDiagnosticIds { get; }

    IEnumerable<CodeActionItem> GetFixes(CodeFixContext context);
}

public sealed record CodeFixContext(Workspace.WorkspaceSnapshot Workspace, Workspace.Document Document, Diagnostic Diagnostic, CancellationToken CancellationToken);

/// <summary>Actions offered where no diagnostic is needed (e.g. migrating python_packages anywhere in build:).</summary>
public interface IRefactoringProvider
{
    Workspace.DocumentKind Kind { get; }

    IEnumerable<CodeActionItem> GetRefactorings(Features.FeatureContext context, TextSpan span);
}
