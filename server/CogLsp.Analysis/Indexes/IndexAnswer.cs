namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The answer to one <see cref="IndexQuery"/>, as a fact of the workspace (like a file on disk).
/// <see cref="Problem"/> says, without credentials, why an <see cref="IndexAnswerKind.Unavailable"/> answer
/// proves nothing. <see cref="FetchedAt"/> is when the index last confirmed the page; <see cref="FromCache"/>
/// is true when no request was made for this answer, <see cref="Stale"/> when the cached page is past its
/// freshness and the index could not be reached to revalidate it.
/// </summary>
public sealed record IndexAnswer(
    IndexQuery Query,
    IndexAnswerKind Kind,
    ProjectPage? Page,
    string? Problem,
    DateTimeOffset FetchedAt,
    bool FromCache,
    bool Stale);
