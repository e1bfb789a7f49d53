using CogLsp.Analysis.Indexes;

namespace CogLsp.PackageIndex;

/// <summary>The outcome of loading one page, shared by every query that asked for it at the same time;
/// <see cref="PackageIndexClient"/> turns it into each query's <see cref="IndexAnswer"/>.</summary>
internal sealed record PageResult(
    IndexAnswerKind Kind,
    ParsedPage? Page,
    string? Problem,
    DateTimeOffset FetchedAt,
    bool FromCache,
    bool Stale);
