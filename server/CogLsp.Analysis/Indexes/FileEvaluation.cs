using CogLsp.Syntax.Pep440;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// One listed file judged for one project and image. <see cref="Version"/> is set whenever the file belongs
/// to the project and names a PEP 440 version (also when it does not install in the image: such versions
/// are still "listed"). <see cref="TagPriority"/> is the wheel's best tag position (0 is best), null for an
/// sdist or an unsupported wheel.
/// </summary>
public sealed record FileEvaluation(
    IndexFile File,
    IndexSource Source,
    FileVerdict Verdict,
    Pep440Version? Version,
    WheelFileName? Wheel,
    int? TagPriority)
{
    public bool IsCandidate => Verdict == FileVerdict.Candidate;

    public bool IsWheel => Wheel is not null;
}
