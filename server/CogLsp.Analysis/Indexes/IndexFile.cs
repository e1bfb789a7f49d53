namespace CogLsp.Analysis.Indexes;

/// <summary>
/// One distribution file listed on a project page (PEP 503 anchor / PEP 691 "files" entry).
/// <see cref="Url"/> is absolute (resolved against the page), without its fragment. <see cref="YankedReason"/>
/// is null when the file is not yanked and may be empty when it is yanked without a reason (PEP 592).
/// <see cref="Hashes"/> are the digests the page lists for the file, by algorithm name as pip keeps them
/// (PEP 691 "hashes", then a PEP 503 `#sha256=…` URL fragment, which wins for its algorithm); null when none.
/// Equality compares the hashes by content.
/// </summary>
public sealed record IndexFile(
    string FileName,
    string Url,
    string? RequiresPython,
    bool Yanked,
    string? YankedReason,
    DateTimeOffset? UploadTime,
    long? Size)
{
    public IReadOnlyDictionary<string, string>? Hashes { get; init; }

    public bool Equals(IndexFile? other) =>
        other is not null
        && FileName == other.FileName && Url == other.Url && RequiresPython == other.RequiresPython && Yanked == other.Yanked
        && YankedReason == other.YankedReason && UploadTime == other.UploadTime && Size == other.Size
        && SameHashes(Hashes, other.Hashes);

    public override int GetHashCode() => HashCode.Combine(FileName, Url, RequiresPython, Yanked, YankedReason, UploadTime, Size, Hashes?.Count ?? 0);

    private static bool SameHashes(IReadOnlyDictionary<string, string>? a, IReadOnlyDictionary<string, string>? b) =>
        (a is null || a.Count == 0)
            ? b is null || b.Count == 0
            : b is not null && a.Count == b.Count && a.All(h => b.TryGetValue(h.Key, out var v) && v == h.Value);
}
