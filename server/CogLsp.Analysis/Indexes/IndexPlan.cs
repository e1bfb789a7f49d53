using System.Collections.Immutable;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The sources pip consults for every requirement of one install, in the order pip reads them
/// (<see cref="Sources"/>: find-links pages first, then indexes, each in the order the options came, without
/// repeats), and whether `--pre` is on. Local find-links (directories, HTML files) and `file:` URLs are sources
/// like any other (read from this machine's disk). <see cref="Unreadable"/> lists find-links or index values that
/// name something no request can read (a URL with an unset `${VAR}`, a scheme other than http, https or file):
/// pip may find files there, so the pick is never certain while it is non-empty.
/// Invariant: when an option replaced the default index (`--index-url`) or disabled indexes (`--no-index`),
/// <see cref="Sources"/> holds no query to the default index unless the user named it again.
/// </summary>
public sealed record IndexPlan(ImmutableArray<IndexSource> Sources, bool Pre, bool NoIndex, ImmutableArray<string> Unreadable)
{
    /// <summary>The file's `--no-binary`/`--only-binary`, combined in pip's reading order (every line's, includes too).</summary>
    public FormatControl Formats { get; init; } = FormatControl.None;

    /// <summary>`--prefer-binary` on an option line of the file or its includes.</summary>
    public bool PreferBinary { get; init; }

    public IEnumerable<IndexSource> FindLinks => Sources.Where(s => s.Kind == IndexSourceKind.FindLinks);

    public IEnumerable<IndexSource> Indexes => Sources.Where(s => s.Kind == IndexSourceKind.Simple);

    /// <summary>The queries for one project, in plan order (answers must be handed to <see cref="PipPicker"/> in this order).</summary>
    public ImmutableArray<IndexQuery> QueriesFor(string normalizedProject) => [.. Sources.Select(s => new IndexQuery(s, normalizedProject))];
}
