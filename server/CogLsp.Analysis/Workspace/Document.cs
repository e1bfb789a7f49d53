using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Workspace;

/// <summary>
/// One immutable version of a file: its path, text, kind and (when open in an editor) version.
/// Anything derived from the text alone (syntax trees, positioned models) is memoised here with
/// <see cref="GetOrAdd{T}(object, Func{Document, T})"/>, so it is computed at most once per text and
/// shared by every snapshot that still holds this document. A result that can be derived cheaply from
/// the same result for an earlier text (an incremental parse) uses
/// <see cref="GetOrAddFromPredecessor{T}"/>: a document made by <see cref="WithText"/> keeps the
/// document it came from reachable until that derivation has run.
/// </summary>
public sealed class Document
{
    /// <summary>How many versions back a document may keep its predecessors while none of them derived anything from an earlier one.</summary>
    internal const int MaxPredecessors = 8;

    private readonly Memo _memo;

    public Document(string path, SourceText text, DocumentKind kind, int? version, bool hadInvalidUtf8 = false)
        : this(path, text, kind, version, hadInvalidUtf8, new Memo(predecessor: null))
    {
    }

    private Document(string path, SourceText text, DocumentKind kind, int? version, bool hadInvalidUtf8, Memo memo)
    {
        Path = path;
        Text = text;
        Kind = kind;
        Version = version;
        HadInvalidUtf8 = hadInvalidUtf8;
        _memo = memo;
    }

    /// <summary>Absolute, normalised path with '/' separators.</summary>
    public string Path { get; }

    public SourceText Text { get; }

    public DocumentKind Kind { get; }

    /// <summary>The editor's version number for an open document; null for a file read from disk.</summary>
    public int? Version { get; }

    public bool IsOpen => Version is not null;

    /// <summary>True when the bytes on disk were not valid UTF-8 (the text then holds U+FFFD in their place).</summary>
    public bool HadInvalidUtf8 { get; }

    public string Directory => PathUtil.GetDirectory(Path);

    /// <summary>
    /// The memoised result for <paramref name="key"/>, computed by <paramref name="factory"/> on first use
    /// (a pure function of the text, which observes no cancellation; a computation that failed is not
    /// remembered, see <see cref="SharedComputation{T}"/>).
    /// </summary>
    public T GetOrAdd<T>(object key, Func<Document, T> factory)
        where T : class =>
        (T)_memo.Get(key, this, static (document, state, _) => ((Func<Document, T>)state)(document), factory, default);

    /// <summary>
    /// As <see cref="GetOrAdd{T}(object, Func{Document, T})"/>, where <paramref name="factory"/> also gets
    /// the result for <paramref name="key"/> of the nearest earlier version of this document that has it
    /// (null when none does), to derive the new result from. Once this has run, the document lets go of
    /// its predecessors.
    /// </summary>
    public T GetOrAddFromPredecessor<T>(object key, Func<Document, T?, T> factory)
        where T : class =>
        _memo.TryGetValue(key, out var known) ? (T)known : (T)_memo.Get(
            key,
            this,
            static (document, state, _) =>
            {
                var (factory, key) = ((Func<Document, T?, T>, object))state;
                var value = factory(document, document._memo.FindEarlier(key) as T);
                document._memo.ForgetPredecessor();
                return value;
            },
            (factory, key),
            default);

    /// <summary>True when <paramref name="key"/> was computed already (so work derived from it is cheap).</summary>
    public bool HasCached(object key) => _memo.HasValue(key);

    /// <summary>
    /// The same document with new text (an edit of this one); memoised results are not carried over,
    /// but a result memoised with <see cref="GetOrAddFromPredecessor{T}"/> can be derived from this document's.
    /// </summary>
    public Document WithText(SourceText text, int? version) => WithText(text, version, Kind);

    /// <summary>As <see cref="WithText(SourceText, int?)"/>, seen as <paramref name="kind"/>.</summary>
    public Document WithText(SourceText text, int? version, DocumentKind kind) =>
        new(Path, text, kind, version, hadInvalidUtf8: false, new Memo(_memo.Depth < MaxPredecessors ? _memo : null));

    /// <summary>
    /// The same text seen as another kind (e.g. a file a cog.yaml names as its requirements). The copy
    /// shares this document's memo, since everything memoised here depends on the text alone, and is
    /// itself memoised so repeated look-ups return one object.
    /// </summary>
    public Document WithKind(DocumentKind kind) =>
        kind == Kind ? this : GetOrAdd(("kind", kind), d => new Document(d.Path, d.Text, kind, d.Version, d.HadInvalidUtf8, d._memo));

    public override string ToString() => $"{Path} (v{Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "disk"})";

    /// <summary>
    /// The memoised results of one text (shared by the copies <see cref="WithKind"/> makes), and the memo
    /// of the version before it while something may still derive from it. Invariant: a memo holds only
    /// values; a computation that was cancelled or failed is forgotten (see <see cref="SharedComputation{T}"/>).
    /// </summary>
    private sealed class Memo(Memo? predecessor)
    {
        private readonly ConcurrentDictionary<object, SharedComputation<object>> _values = new();
        private Memo? _predecessor = predecessor;

        private int _depth = predecessor is null ? 0 : predecessor.Depth + 1;

        /// <summary>
        /// How many predecessors this memo still holds (bounds the chain): 0 once it has let them go, so a
        /// run of versions that each derive from the one before never reaches the bound.
        /// </summary>
        public int Depth => Volatile.Read(ref _depth);

        public object Get(object key, Document document, Func<Document, object, CancellationToken, object> compute, object state, CancellationToken cancellationToken)
        {
            if (!_values.TryGetValue(key, out var computation))
            {
                computation = _values.GetOrAdd(key, new SharedComputation<object>(token => compute(document, state, token)));
            }

            return computation.GetValue(cancellationToken);
        }

        /// <summary>The value for <paramref name="key"/> when it has been computed (without waiting for a computation under way).</summary>
        public bool TryGetValue(object key, [NotNullWhen(true)] out object? value)
        {
            if (_values.TryGetValue(key, out var computation) && computation.HasValue)
            {
                value = computation.GetValue();
                return true;
            }

            value = null;
            return false;
        }

        public bool HasValue(object key) => _values.TryGetValue(key, out var computation) && computation.HasValue;

        /// <summary>The value for <paramref name="key"/> of the nearest predecessor that has computed it, or null.</summary>
        public object? FindEarlier(object key)
        {
            for (var memo = Volatile.Read(ref _predecessor); memo is not null; memo = Volatile.Read(ref memo._predecessor))
            {
                if (memo._values.TryGetValue(key, out var computation) && computation.HasValue)
                {
                    return computation.GetValue();
                }
            }

            return null;
        }

        /// <summary>Lets the earlier versions go (they may be collected once no snapshot holds them).</summary>
        public void ForgetPredecessor()
        {
            Volatile.Write(ref _predecessor, null);
            Volatile.Write(ref _depth, 0);
        }
    }
}
