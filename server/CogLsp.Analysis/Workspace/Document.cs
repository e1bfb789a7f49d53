using System.Collections.Concurrent;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Workspace;

/// <summary>
/// One immutable version of a file: its path, text, kind and (when open in an editor) version.
/// Anything derived from the text alone (syntax trees, positioned models) is memoised here with
/// <see cref="GetOrAdd{T}"/>, so it is computed at most once per text and shared by every snapshot
/// that still holds this document.
/// </summary>
public sealed class Document
{
    private readonly ConcurrentDictionary<object, Lazy<object>> _cache;

    public Document(string path, SourceText text, DocumentKind kind, int? version, bool hadInvalidUtf8 = false)
        : this(path, text, kind, version, hadInvalidUtf8, new ConcurrentDictionary<object, Lazy<object>>())
    {
    }

    private Document(string path, SourceText text, DocumentKind kind, int? version, bool hadInvalidUtf8, ConcurrentDictionary<object, Lazy<object>> cache)
    {
        Path = path;
        Text = text;
        Kind = kind;
        Version = version;
        HadInvalidUtf8 = hadInvalidUtf8;
        _cache = cache;
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

    public T GetOrAdd<T>(object key, Func<Document, T> factory)
        where T : class =>
        (T)_cache.GetOrAdd(key, _ => new Lazy<object>(() => factory(this), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>True when <paramref name="key"/> was computed already (so work derived from it is cheap).</summary>
    public bool HasCached(object key) => _cache.TryGetValue(key, out var lazy) && lazy.IsValueCreated;

    /// <summary>The same document with new text; memoised results are not carried over.</summary>
    public Document WithText(SourceText text, int? version) => new(Path, text, Kind, version);

    /// <summary>
    /// The same text seen as another kind (e.g. a file a cog.yaml names as its requirements). The copy
    /// shares this document's memo, since everything memoised here depends on the text alone, and is
    /// itself memoised so repeated look-ups return one object.
    /// </summary>
    public Document WithKind(DocumentKind kind) =>
        kind == Kind ? this : GetOrAdd(("kind", kind), d => new Document(d.Path, d.Text, kind, d.Version, d.HadInvalidUtf8, d._cache));

    public override string ToString() => $"{Path} (v{Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "disk"})";
}
