using CogLsp.Analysis;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Tests.Shared;

/// <summary>
/// The one builder of the workspaces analysis tests run in: files on an in-memory disk, documents open in
/// the editor and the workspace roots (/p unless a test says otherwise). The document under test is opened
/// at <see cref="DocumentPath"/> (cog.yaml unless a test says otherwise) at version 1. Every call builds a
/// fresh snapshot, so nothing one call memoises is seen by the next.
/// </summary>
internal class TestWorkspace
{
    public const string Root = "/p";
    public const string CogYamlPath = "/p/cog.yaml";
    public const string RequirementsPath = "/p/requirements.txt";

    private readonly List<(string Path, string Text, int Version)> _open = [];

    public InMemoryFileSystem Disk { get; init; } = new();

    public IReadOnlyList<string> Roots { get; init; } = [Root];

    /// <summary>Where <see cref="Open"/> puts the text under test when the caller names no path.</summary>
    public string DocumentPath { get; init; } = CogYamlPath;

    /// <summary>The analysis options (settings, target GPUs, installed cog) the snapshot is made with.</summary>
    public AnalysisOptions Options { get; init; } = AnalysisOptions.Default;

    /// <summary>The kind the document under test is opened as; null lets its name decide.</summary>
    public DocumentKind? DocumentKind { get; init; }

    /// <summary>Adds a file to the disk.</summary>
    public TestWorkspace With(string path, string text)
    {
        Disk.Add(path, text);
        return this;
    }

    public TestWorkspace With(IEnumerable<(string Path, string Text)> files)
    {
        foreach (var (path, text) in files)
        {
            Disk.Add(path, text);
        }

        return this;
    }

    /// <summary>Opens a document besides the one under test, as the editor would have it.</summary>
    public TestWorkspace WithOpen(string path, string text, int version = 1)
    {
        _open.Add((path, text, version));
        return this;
    }

    /// <summary>The disk and the documents opened with <see cref="WithOpen"/>.</summary>
    public WorkspaceSnapshot Snapshot()
    {
        var workspace = WorkspaceSnapshot.Create(Disk, Roots, Options);
        foreach (var (path, text, version) in _open)
        {
            workspace = workspace.WithOpenDocument(path, SourceText.From(text), version);
        }

        return workspace;
    }

    /// <summary>The snapshot with <paramref name="text"/> open at <paramref name="path"/> (default <see cref="DocumentPath"/>), and that document.</summary>
    public (WorkspaceSnapshot Workspace, Document Document) Open(string text, string? path = null)
    {
        path ??= DocumentPath;
        var workspace = Snapshot().WithOpenDocument(path, SourceText.From(text), 1, DocumentKind);
        return (workspace, workspace.GetDocument(path)!);
    }

    /// <summary>Every diagnostic of the document opened as <see cref="Open"/> opens it, after suppressions and severities.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics(string text, string? path = null)
    {
        var (workspace, document) = Open(text, path);
        return new DiagnosticService(LanguageServices.CreateDefault()).GetDiagnostics(workspace, document);
    }

    /// <summary>What an editor feature is given for the document opened as <see cref="Open"/> opens it.</summary>
    public FeatureContext Context(string text, string? path = null)
    {
        var (workspace, document) = Open(text, path);
        return new FeatureContext(workspace, document, CancellationToken.None);
    }
}
