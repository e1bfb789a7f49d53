namespace CogLsp.Analysis.Indexes;

/// <summary>
/// One distribution file listed on a project page (PEP 503 anchor / PEP 691 "files" entry).
/// <see cref="Url"/> is absolute (resolved against the page). <see cref="YankedReason"/> is null when the
/// file is not yanked and may be empty when it is yanked without a reason (PEP 592).
/// </summary>
public sealed record IndexFile(
    string FileName,
    string Url,
    string? RequiresPython,
    bool Yanked,
    string? YankedReason,
    DateTimeOffset? UploadTime,
    long? Size);
