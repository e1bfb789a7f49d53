namespace CogLsp.Analysis.Indexes;

/// <summary>What pip's link evaluation concludes about one listed file for one project (pip's LinkType).</summary>
public enum FileVerdict
{
    /// <summary>The file can be installed in the image.</summary>
    Candidate,

    /// <summary>The file belongs to another project (find-links pages list many).</summary>
    DifferentProject,

    /// <summary>Not a wheel or an sdist archive pip reads (.egg, .exe, .rpm, .msi, a directory…).</summary>
    UnsupportedFormat,

    /// <summary>A wheel name pip cannot split, or an sdist name without a version.</summary>
    InvalidName,

    /// <summary>The version in the name is not PEP 440; today's pip skips such files.</summary>
    InvalidVersion,

    /// <summary>A wheel whose tags the image does not support (other Python, ABI, OS, architecture or glibc), or an sdist named for another Python ("-py2.7").</summary>
    PlatformMismatch,

    /// <summary>The file's Requires-Python excludes the image's Python.</summary>
    RequiresPythonMismatch,

    /// <summary>The file would install in the image, but `--no-binary` (a wheel) or `--only-binary` (a source
    /// archive) rules out its kind for this project.</summary>
    FormatNotAllowed,
}
