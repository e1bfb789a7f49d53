using System.Collections.Concurrent;
using System.Collections.Immutable;
using CogLsp.Analysis.Indexes;
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
    private readonly ConcurrentDictionary<object, SharedComputation<object>> _cache = new();
    private readonly DiskCache _disk;

    private WorkspaceSnapshot(
        IFileSystem fileSystem,
        ImmutableDictionary<string, Document> openDocuments,
        ImmutableArray<string> roots,
        AnalysisOptions options,
        DiskCache disk,
        IndexFacts indexes)
    {
        FileSystem = fileSystem;
        OpenDocuments = openDocuments;
        Roots = roots;
        Options = options;
        _disk = disk;
        Indexes = indexes;
    }

    public static WorkspaceSnapshot Create(IFileSystem fileSystem, IEnumerable<string>? roots = null, AnalysisOptions? options = null) =>
        new(fileSystem, ImmutableDictionary<string, Document>.Empty.WithComparers(StringComparer.Ordinal), (roots ?? []).Select(PathUtil.Normalize).ToImmutableArray(), options ?? AnalysisOptions.Default, new DiskCache(fileSystem), IndexFacts.Empty);

    public IFileSystem FileSystem { get; }

    public ImmutableDictionary<string, Document> OpenDocuments { get; }

    public ImmutableArray<string> Roots { get; }

    public AnalysisOptions Options { get; }

    /// <summary>What the package indexes answered so far (empty until answers arrive; see <see cref="IndexFacts"/>).</summary>
    public IndexFacts Indexes { get; }

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

    /// <summary>The memoised result for <paramref name="key"/>, computed by <paramref name="factory"/> on first use.</summary>
    public T GetOrAdd<T>(object key, Func<WorkspaceSnapshot, T> factory)
        where T : class =>
        _cache.TryGetValue(key, out var computation) ? (T)computation.GetValue() : GetOrAdd(key, (snapshot, _) => factory(snapshot), CancellationToken.None);

    /// <summary>
    /// As <see cref="GetOrAdd{T}(object, Func{WorkspaceSnapshot, T})"/>, for a computation that observes
    /// cancellation: it runs under a token of its own, cancelled only when every caller waiting for it has
    /// been, and each caller waits with <paramref name="cancellationToken"/>. A cancelled or failed
    /// computation is not remembered (see <see cref="SharedComputation{T}"/>).
    /// </summary>
    public T GetOrAdd<T>(object key, Func<WorkspaceSnapshot, CancellationToken, T> factory, CancellationToken cancellationToken)
        where T : class
    {
        if (!_cache.TryGetValue(key, out var computation))
        {
            computation = _cache.GetOrAdd(key, new SharedComputation<object>(token => factory(this, token)));
        }

        return (T)computation.GetValue(cancellationToken);
    }

    /// <summary>
    /// The snapshot with <paramref name="path"/> open with <paramref name="text"/>. When the path was open
    /// already, the new document is an edit of the old one, so results that can be derived incrementally
    /// (a requirements file's tree) are derived from the old document's.
    /// </summary>
    public WorkspaceSnapshot WithOpenDocument(string path, SourceText text, int version, DocumentKind? kind = null)
    {
        path = PathUtil.Normalize(path);
        var documentKind = kind ?? DocumentClassifier.ClassifyByName(path);
        var document = OpenDocuments.TryGetValue(path, out var previous)
            ? previous.WithText(text, version, documentKind)
            : new Document(path, text, documentKind, version);
        return With(openDocuments: OpenDocuments.SetItem(path, document));
    }

    public WorkspaceSnapshot WithClosedDocument(string path) => With(openDocuments: OpenDocuments.Remove(PathUtil.Normalize(path)));

    /// <summary>Forgets what was read from disk for these paths (a watched-file event or a save).</summary>
    public WorkspaceSnapshot WithFilesChanged(IEnumerable<string> paths) => With(disk: _disk.Without(paths.Select(PathUtil.Normalize)));

    public WorkspaceSnapshot WithOptions(AnalysisOptions options) => With(options: options);

    /// <summary>The snapshot with these index answers added: the one way answers from the network enter analysis.</summary>
    public WorkspaceSnapshot WithIndexAnswers(IEnumerable<IndexAnswer> answers) => With(indexes: Indexes.With(answers));

    public WorkspaceSnapshot WithRoots(IEnumerable<string> roots) => With(roots: roots.Select(PathUtil.Normalize).Distinct().ToImmutableArray());

    private WorkspaceSnapshot With(
        ImmutableDictionary<string, Document>? openDocuments = null,
        ImmutableArray<string>? roots = null,
        AnalysisOptions? options = null,
        DiskCache? disk = null,
        IndexFacts? indexes = null) =>
        new(FileSystem, openDocuments ?? OpenDocuments, roots ?? Roots, options ?? Options, disk ?? _disk, indexes ?? Indexes);

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
