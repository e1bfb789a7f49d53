using CogLsp.Analysis.Indexes;

namespace CogLsp.PackageIndex;

/// <summary>
/// One cached page as stored on disk (compact JSON). <see cref="Url"/> is the page URL without user-info
/// (a guard against key collisions, and what a person reading the cache sees); credentials are never part
/// of an entry. <see cref="Found"/> false records a 404/410. <see cref="FreshUntil"/> is when revalidation
/// becomes due; <see cref="FetchedAt"/> when the index last confirmed the page.
/// </summary>
internal sealed record CacheEntry(
    int Format,
    string Url,
    bool Found,
    DateTimeOffset FetchedAt,
    DateTimeOffset FreshUntil,
    string? ETag,
    string? LastModified,
    IReadOnlyList<IndexFile>? Files,
    IReadOnlyList<string>? Versions)
{
    /// <summary>Bumped when the stored shape changes; entries of another format are ignored. Format 2 added
    /// each file's hashes: a format-1 entry would read as files without digests.</summary>
    public const int CurrentFormat = 2;
}
