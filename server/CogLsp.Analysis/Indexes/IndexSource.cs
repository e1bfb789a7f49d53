namespace CogLsp.Analysis.Indexes;

/// <summary>How pip reads a source of distributions: a PEP 503/691 "simple" index (one page per project under
/// the base URL) or a `--find-links` flat page (one page listing files of every project).</summary>
public enum IndexSourceKind
{
    Simple,
    FindLinks,
}

/// <summary>
/// One place pip looks for distributions. <see cref="Url"/> is the URL exactly as the user wrote it (after
/// `${VAR}` expansion), credentials included: only the HTTP layer may use them, and only for that host.
/// Anything shown to a user or written to a log uses <see cref="DisplayUrl"/>, which hides the password.
/// </summary>
public sealed record IndexSource(IndexSourceKind Kind, string Url)
{
    /// <summary>The URL with any `user:password@` written as `user:***@`.</summary>
    public string DisplayUrl => IndexUrls.Redact(Url);

    public override string ToString() => $"{Kind} {DisplayUrl}";
}
