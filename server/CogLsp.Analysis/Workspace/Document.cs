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
    private readonly ConcurrentDictionary<object, Lazy<object>> _cache = new();

    public Document(string path, SourceText text, DocumentKind kind, int? version, bool hadInvalidUtf8 = false)
    {
        Path = path;
        Text = text;
        Kind = kind;
        Version = version;
        HadInvalidUtf8 = hadInvalidUtf8;
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

    /// <summary>The same document with new text; memoised results are not carried over.</summary>
    public Document WithText(SourceText text, int? version) => new(Path, text, Kind, version);

    public Document WithKind(DocumentKind kind) => kind == Kind ? this : new Document(Path, Text, kind, Version, HadInvalidUtf8);

    public override string ToString() => $"{Path} (v{Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "disk"})";
}
