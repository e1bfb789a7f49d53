using System.Collections.Concurrent;
using System.Collections.Immutable;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Workspace;

/// <summary>
/// An immutable view of everything analysis may look at: the documents open in the editor (their
/// unsaved text wins over the disk), the disk behind <see cref="IFileSystem"/>, the workspace roots
/// and the options. Architecture invariant: a snapshot never changes once built; every "With…" method
/// returns a new one, so concurrent readers never see a half-applied edit. Results that depend on
/// several documents are memoised per snapshot with <see cref="GetOrAdd{T}"/>.
/// </summary>
public sealed class WorkspaceSnapshot
{
    private readonly ConcurrentDictionary<object, Lazy<object>> _cache = new();
    private readonly DiskCache _disk;

    private WorkspaceSnapshot(
        IFileSystem fileSystem,
        ImmutableDictionary<string, Document> openDocuments,
        ImmutableArray<string> roots,
        AnalysisOptions options,
        long version,
        DiskCache disk)
    {
        FileSystem = fileSystem;
        OpenDocuments = openDocuments;
        Roots = roots;
        Options = options;
        Version = version;
        _disk = disk;
    }

    public static WorkspaceSnapshot Create(IFileSystem fileSystem, IEnumerable<string>? roots = null, AnalysisOptions? options = null) =>
        new(fileSystem, ImmutableDictionary<string, Document>.Empty.WithComparers(StringComparer.Ordinal), (roots ?? []).Select(PathUtil.Normalize).ToImmutableArray(), options ?? AnalysisOptions.Default, 0, new DiskCache(fileSystem));

    public IFileSystem FileSystem { get; }

    public ImmutableDictionary<string, Document> OpenDocuments { get; }

    public ImmutableArray<string> Roots { get; }

    public AnalysisOptions Options { get; }

    /// <summary>Increases with every change; used as the result id of pulled diagnostics.</summary>
    public long Version { get; }

    /// <summary>
    /// The document at <paramref name="path"/>: the open one if the editor has it, else the file on disk,
    /// else null. <paramref name="kind"/> overrides the kind told by the file name (e.g. a requirements
    /// file a cog.yaml names, whatever it is called).
    /// </summary>
    public Document? GetDocument(string path, DocumentKind? kind = null)
    {
        path = PathUtil.Normalize(path);
        var document = OpenDocuments.TryGetValue(path, out var open) ? open : _disk.Get(path);
        return document is null || kind is null ? document : document.WithKind(kind.Value);
    }

    public bool FileExists(string path) => OpenDocuments.ContainsKey(PathUtil.Normalize(path)) || FileSystem.FileExists(path);

    public T GetOrAdd<T>(object key, Func<WorkspaceSnapshot, T> factory)
        where T : class =>
        (T)_cache.GetOrAdd(key, _ => new Lazy<object>(() => factory(this), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    public WorkspaceSnapshot WithOpenDocument(string path, SourceText text, int version, DocumentKind? kind = null)
    {
        path = PathUtil.Normalize(path);
        var document = new Document(path, text, kind ?? DocumentClassifier.ClassifyByName(path), version);
        return With(openDocuments: OpenDocuments.SetItem(path, document));
    }

    public WorkspaceSnapshot WithClosedDocument(string path) => With(openDocuments: OpenDocuments.Remove(PathUtil.Normalize(path)));

    /// <summary>Forgets what was read from disk for these paths (a watched-file event or a save).</summary>
    public WorkspaceSnapshot WithFilesChanged(IEnumerable<string> paths) => With(disk: _disk.Without(paths.Select(PathUtil.Normalize)));

    public WorkspaceSnapshot WithOptions(AnalysisOptions options) => With(options: options);

    public WorkspaceSnapshot WithRoots(IEnumerable<string> roots) => With(roots: roots.Select(PathUtil.Normalize).Distinct().ToImmutableArray());

    private WorkspaceSnapshot With(
        ImmutableDictionary<string, Document>? openDocuments = null,
        ImmutableArray<string>? roots = null,
        AnalysisOptions? options = null,
        DiskCache? disk = null) =>
        new(FileSystem, openDocuments ?? OpenDocuments, roots ?? Roots, options ?? Options, Version + 1, disk ?? _disk);

    /// <summary>Documents read from disk, shared by consecutive snapshots until a change event drops an entry.</summary>
    private sealed class DiskCache(IFileSystem fileSystem, ImmutableDictionary<string, Document?>? seed = null)
    {
        private readonly ConcurrentDictionary<string, Document?> _documents = new(seed ?? ImmutableDictionary<string, Document?>.Empty, StringComparer.Ordinal);

        public Document? Get(string path) => _documents.GetOrAdd(path, Read);

        public DiskCache Without(IEnumerable<string> paths)
        {
            var remaining = _documents.ToImmutableDictionary(StringComparer.Ordinal).RemoveRange(paths);
            return new DiskCache(fileSystem, remaining);
        }

        private Document? Read(string path)
        {
            var bytes = fileSystem.ReadAllBytes(path);
            if (bytes is null)
            {
                return null;
            }

            var text = SourceText.FromBytes(bytes, out var invalid);
            return new Document(path, text, DocumentClassifier.ClassifyByName(path), version: null, hadInvalidUtf8: invalid);
        }
    }
}
