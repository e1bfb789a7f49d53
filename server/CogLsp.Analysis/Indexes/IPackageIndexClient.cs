namespace CogLsp.Analysis.Indexes;

/// <summary>
/// Reads index pages (network and on-disk cache behind it). Implementations never throw for a bad index:
/// failures become <see cref="IndexAnswerKind.Unavailable"/> answers. Cancellation throws as usual.
/// </summary>
public interface IPackageIndexClient
{
    Task<IndexAnswer> GetAsync(IndexQuery query, CancellationToken cancellationToken);
}
