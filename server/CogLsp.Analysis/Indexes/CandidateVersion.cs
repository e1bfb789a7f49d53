using CogLsp.Syntax.Pep440;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// One version some source lists, as pip in the image sees it. <see cref="BestFile"/> is the file pip would
/// download for the image (best-ranked compatible wheel, else the sdist), or null when no file installs
/// there; <see cref="Source"/> is where that file (or the first listing) comes from.
/// </summary>
public sealed record CandidateVersion(
    Pep440Version Version,
    bool Yanked,
    string? YankedReason,
    IndexFile? BestFile,
    IndexSource Source)
{
    public bool IsPrerelease => Version.IsPrerelease;

    /// <summary>True when <see cref="BestFile"/> is an sdist: pip builds it from source in the image.</summary>
    public bool BuildsFromSource => BestFile is not null && !BestFile.FileName.EndsWith(".whl", StringComparison.OrdinalIgnoreCase);
}
