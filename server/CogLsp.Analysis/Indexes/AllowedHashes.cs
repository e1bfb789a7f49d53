using System.Collections.Immutable;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The digests a requirement's `--hash=ALGORITHM:DIGEST` options allow (pip's Hashes): per algorithm, the
/// digests as written (pip compares them as strings, case included). Empty when the line has no hash.
/// Immutable; <see cref="ToString"/> is a memo key.
/// </summary>
public sealed class AllowedHashes
{
    public static AllowedHashes None { get; } = new(ImmutableSortedDictionary<string, ImmutableSortedSet<string>>.Empty);

    private readonly ImmutableSortedDictionary<string, ImmutableSortedSet<string>> _allowed;

    private AllowedHashes(ImmutableSortedDictionary<string, ImmutableSortedSet<string>> allowed)
    {
        _allowed = allowed;
    }

    public bool IsEmpty => _allowed.IsEmpty;

    /// <summary>The algorithms the line names (sha256, sha384, sha512).</summary>
    public IEnumerable<string> Algorithms => _allowed.Keys;

    /// <summary>From `--hash` values ("sha256:0123…"); a value without ':' is skipped (pip refuses the line).</summary>
    public static AllowedHashes From(IEnumerable<string> values)
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, ImmutableSortedSet<string>>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var algorithm = value[..colon];
            builder[algorithm] = builder.GetValueOrDefault(algorithm, ImmutableSortedSet<string>.Empty).Add(value[(colon + 1)..]);
        }

        return builder.Count == 0 ? None : new AllowedHashes(builder.ToImmutable());
    }

    /// <summary>pip's Link.is_hash_allowed: some digest the index lists for the file is allowed.</summary>
    public bool Allows(IndexFile file) =>
        file.Hashes is { Count: > 0 } listed && listed.Any(h => _allowed.TryGetValue(h.Key, out var digests) && digests.Contains(h.Value));

    /// <summary>
    /// True when the file's listed digests prove that pip's check after download fails: for every algorithm
    /// the requirement gives, the index lists the file's digest and it is not allowed. (pip hashes the
    /// download with each algorithm the requirement names and accepts any match, so an algorithm the index
    /// does not list leaves the outcome open.)
    /// </summary>
    public bool ProvesMismatch(IndexFile file) =>
        !IsEmpty && file.Hashes is { Count: > 0 } listed
        && _allowed.All(a => listed.TryGetValue(a.Key, out var digest) && !a.Value.Contains(digest));

    public override string ToString() => string.Join(' ', _allowed.SelectMany(a => a.Value.Select(d => a.Key + ":" + d)));

    public override bool Equals(object? obj) => obj is AllowedHashes other && other.ToString() == ToString();

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);
}
