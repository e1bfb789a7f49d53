namespace CogLsp.Tests.Shared.LoopbackIndex;

/// <summary>
/// One distribution file the loopback index lists for <see cref="Project"/> (a PEP 503 normalised name).
/// <see cref="YankedReason"/>: null = not yanked, "" = yanked without a reason. The file's bytes are served
/// at /files/&lt;FileName&gt; (<see cref="Size"/> bytes of filler), so a link can be followed.
/// </summary>
public sealed record LoopbackFile(
    string Project,
    string FileName,
    string? RequiresPython = null,
    string? YankedReason = null,
    DateTimeOffset? UploadTime = null,
    long Size = 16)
{
    public bool Yanked => YankedReason is not null;
}
