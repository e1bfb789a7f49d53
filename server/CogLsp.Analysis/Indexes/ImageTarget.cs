namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The platform of the image Cog builds, as pip inside it sees it: CPython X.Y on Linux with glibc
/// <see cref="GlibcMajor"/>.<see cref="GlibcMinor"/> on <see cref="Architecture"/> ("x86_64" or "aarch64").
/// </summary>
public sealed record ImageTarget(int PythonMajor, int PythonMinor, string Architecture, int GlibcMajor, int GlibcMinor);
