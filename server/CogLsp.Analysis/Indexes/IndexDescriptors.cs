using CogLsp.Analysis.Diagnostics;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The package-index rules (REQ06xx): what the indexes pip will read in Cog's image say about each
/// requirement. They run only when package indexes are on (the server's default; `check --online`) and
/// stay silent for a requirement until every index it needs has answered.
/// </summary>
public static class IndexDescriptors
{
    public static readonly DiagnosticDescriptor PinNotListed = new(
        "REQ0601", "version-not-on-index", "No index lists this version",
        "{0}: no consulted index lists version {1}{2}", DiagnosticSeverity.Error,
        "pip installs a pinned version only when one of the indexes it reads lists it. A version that was never released (a typo, a version of another package, a release not yet published) makes `pip install`, and so `cog build`, fail. The message names the listed versions nearest to the pin.",
        "requests==2.99.0", "requests==2.32.3", "Pin a version the index lists (the quick fix offers the nearest ones).");

    public static readonly DiagnosticDescriptor ProjectNotFound = new(
        "REQ0602", "project-not-on-index", "No index has this package",
        "{0}: every index pip reads here answered that it has no such package ({1})", DiagnosticSeverity.Error,
        "Every index pip reads for this file answered \"not found\" for the package, so pip cannot install it. This is usually a misspelt name, or a package that lives on an index the file does not name.",
        "reqeusts==2.32.3", "requests==2.32.3", "Correct the name, or add the index that serves it (`--extra-index-url`).");

    public static readonly DiagnosticDescriptor NothingMatches = new(
        "REQ0603", "no-version-matches", "No listed version satisfies the requirement",
        "{0}: no version on the index satisfies '{1}'{2}", DiagnosticSeverity.Error,
        "pip picks the newest listed version the specifier allows, leaving out yanked releases (unless pinned with `==`) and pre-releases (unless the specifier names one or `--pre` is set). When nothing is left, pip fails.",
        "numpy>=9", "numpy>=1.26", "Widen the range, or use a version the index lists.");

    public static readonly DiagnosticDescriptor NoFileForImage = new(
        "REQ0604", "no-file-for-image", "Nothing installs in the image",
        "{0} {1}: no file installs on {2}: {3}", DiagnosticSeverity.Error,
        "pip installs a release only from a file made for the image: a wheel for its CPython version, Linux with a glibc no newer than the base image's and its CPU architecture (or a pure-Python wheel), whose Requires-Python admits the image's Python, or else the source archive. `--only-binary` rules out source archives and `--no-binary` wheels, for the packages they name or for all (`:all:`). When the chosen version has no file left, pip fails in the build.",
        "somepkg==1.0  # wheels for Windows only", "somepkg==1.1", "Use a version with a file for the image's Python and platform, or change build.python_version.");

    public static readonly DiagnosticDescriptor YankedPin = new(
        "REQ0605", "yanked-version", "Version was yanked",
        "{0} {1} was yanked from the index{2}", DiagnosticSeverity.Warning,
        "A yanked release (PEP 592) is one its authors withdrew, usually for a serious bug. pip still installs it when pinned with `==`, with a warning in the build log.",
        "urllib3==2.0.0  # yanked", "urllib3==2.0.2", "Pin a release that was not yanked (the quick fix offers the nearest).");

    public static readonly DiagnosticDescriptor SourceOnly = new(
        "REQ0606", "built-from-source", "Built from source in the image",
        "{0} {1} {2}: pip builds it from source in the image", DiagnosticSeverity.Warning,
        "When no wheel of the chosen version fits the image, or `--no-binary` rules wheels out for the package, pip downloads the source archive and builds it during `cog build`. That is slow, and it fails when the build needs a compiler or headers the image lacks (the `python:*-slim` images have no compiler). With `--prefer-binary`, pip takes an older version that has a wheel instead.",
        "somepkg==0.9  # sdist only for this Python", "somepkg==1.2  # a wheel for cp312", "Pick a version with a wheel for the image, or add the build tools to system_packages.");

    public static readonly DiagnosticDescriptor CogRewriteMissing = new(
        "REQ0607", "cog-build-not-on-index", "The build Cog installs is not on the PyTorch index",
        "Cog installs {0} from {1}, which has no file of it for {2}", DiagnosticSeverity.Error,
        "For torch, torchvision and tensorflow, Cog rewrites the pin to a build for the CUDA it chose and adds the PyTorch index for that CUDA. When that index has no file of that build for the image's Python and platform, pip fails in the build.",
        "torch==2.0.1  # python_version: \"3.12\"", "torch==2.2.0", "Pick a version the PyTorch index has for the image's Python and CUDA.");

    public static readonly DiagnosticDescriptor NotFromCogIndex = new(
        "REQ0608", "not-from-cog-index", "pip takes another build than the one Cog chose",
        "Cog adds {0} for the CUDA {1} build, but pip in the image takes {2} from {3}", DiagnosticSeverity.Warning,
        "For torch, torchvision and tensorflow, Cog picks CUDA and adds the PyTorch index (or find-links page) of that CUDA so pip installs the matching build. pip takes the newest matching file from all the indexes it reads; when the CUDA index has no file for the image's Python and platform, pip quietly takes the build from another index, which may target another CUDA than the base image Cog chose.",
        "torch==2.0.1  # python_version: \"3.12\"", "torch==2.2.0", "Pick a version the CUDA index has for the image's Python.");

    public static readonly DiagnosticDescriptor HashMismatch = new(
        "REQ0609", "hash-not-on-index", "The file pip downloads does not match the line's hashes",
        "{0} {1}: none of its files for the image matches this line's --hash values; pip would download {2} ({3}) and stop", DiagnosticSeverity.Error,
        "With `--hash` on a line, pip checks the file it downloads against those digests and stops the install when none matches. The index lists each file's digest, so a hash copied from another version, another file or another package shows before the build: pip prefers a file whose digest the line allows, and when the chosen version has none, the file it takes fails the check.",
        "requests==2.32.3 --hash=sha256:<digest of 2.31.0>", "requests==2.32.3 --hash=sha256:<digest of a 2.32.3 file>", "Copy the digest of the file pip installs (e.g. from the index page or `pip hash`), or pin the version the hash belongs to.");

    public static readonly DiagnosticDescriptor IndexUnavailable = new(
        "REQ0610", "index-unavailable", "Some requirements could not be checked against the index",
        "Could not check {0} against the package index: {1}", DiagnosticSeverity.Information,
        "An index that times out, fails, answers something that is not an index page, or cannot be reached proves nothing about the requirements, so no line is marked. This note (one per file) says what was not checked and why.",
        "(index unreachable)", "(index reachable)", "Check the network or the index URL; `cogLsp.index.enabled: false` turns the index rules off.");

    public static readonly DiagnosticDescriptor[] All = [PinNotListed, ProjectNotFound, NothingMatches, NoFileForImage, YankedPin, SourceOnly, CogRewriteMissing, NotFromCogIndex, HashMismatch, IndexUnavailable];
}
