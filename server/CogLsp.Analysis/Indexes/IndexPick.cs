namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The result of picking for one requirement: the outcome, the picked version (with its file) when there is
/// one, and every listed version newest first (for completion, "nearest versions" and upgrades).
/// <see cref="Answers"/> are the facts it was computed from (for hover provenance: cache, age, staleness).
/// </summary>
public sealed record IndexPick(
    PickOutcome Outcome,
    CandidateVersion? Picked,
    IReadOnlyList<CandidateVersion> Versions,
    IReadOnlyList<IndexAnswer> Answers);
