namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The result of picking for one requirement: the outcome, the picked version (with its file) when there is
/// one, and every listed version newest first (for completion, "nearest versions" and upgrades).
/// <see cref="Answers"/> are the facts it was computed from (for hover provenance: cache, age, staleness).
/// <see cref="Picked"/> is set for <see cref="PickOutcome.Picked"/> and <see cref="PickOutcome.HashMismatch"/> (the file pip downloads); for <see cref="PickOutcome.NoFileForImage"/>
/// it is the version pip would have chosen, with a null BestFile; for <see cref="PickOutcome.Unknown"/> it is
/// what the sources that did answer give (a newer version or better file may sit on the silent one).
/// </summary>
public sealed record IndexPick(
    PickOutcome Outcome,
    CandidateVersion? Picked,
    IReadOnlyList<CandidateVersion> Versions,
    IReadOnlyList<IndexAnswer> Answers)
{
    /// <summary>Every file of the project on the answered pages, judged for the image, in pip's order
    /// (find-links pages first). Says why a version has no file for the image.</summary>
    public IReadOnlyList<FileEvaluation> Files { get; init; } = [];

    /// <summary>The newest final release, not yanked, with a file for the image (what hovers, hints and the upgrade offer), or null.</summary>
    public CandidateVersion? NewestForImage => Versions.FirstOrDefault(v => !v.Yanked && !v.IsPrerelease && v.BestFile is not null);
}
