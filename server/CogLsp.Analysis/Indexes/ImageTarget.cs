namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The platform of the image Cog builds, as pip inside it sees it: CPython X.Y on Linux with glibc
/// <see cref="GlibcMajor"/>.<see cref="GlibcMinor"/> on <see cref="Architecture"/> ("x86_64" or "aarch64").
/// </summary>
public sealed record ImageTarget(int PythonMajor, int PythonMinor, string Architecture, int GlibcMajor, int GlibcMinor)
{
    /// <summary>
    /// The patch release Requires-Python is checked against (pip uses the running interpreter's
    /// X.Y.Z). 0 unless set; <see cref="CogImageTargets"/> sets <see cref="LatePatch"/> because the image
    /// gets the newest patch of X.Y when it is built, which is unknown here.
    /// </summary>
    public int PythonMicro { get; init; }

    /// <summary>A patch number later than any real one: floors such as `&gt;=3.11.4` hold, as they will in a fresh image.</summary>
    public const int LatePatch = 99;

    /// <summary>"3.11" (what pip calls py_version).</summary>
    public string PythonVersion => $"{PythonMajor}.{PythonMinor}";
}
