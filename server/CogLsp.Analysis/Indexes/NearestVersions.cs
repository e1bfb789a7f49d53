namespace CogLsp.Analysis.Indexes;

/// <summary>The listed versions closest to one that is not listed: the newest below and the oldest above (either may be null).</summary>
public sealed record NearestVersions(CandidateVersion? Below, CandidateVersion? Above)
{
    /// <summary>The versions found, below first, as text (what messages name and fixes offer).</summary>
    public string[] Names => new[] { Below, Above }.OfType<CandidateVersion>().Select(v => v.Version.ToString()).ToArray();
}
