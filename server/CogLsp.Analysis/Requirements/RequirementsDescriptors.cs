using CogLsp.Analysis.Diagnostics;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// Every requirements-file rule (REQ0001–REQ0499), defined once. Families: REQ00xx syntax, REQ01xx
/// options, REQ02xx pinning, duplicates and hashes, REQ03xx includes, REQ04xx local artifacts (Cog's
/// rules, Cog commit 6110c912) and markers.
/// </summary>
public static class RequirementsDescriptors
{
    public static readonly DiagnosticDescriptor SyntaxError = new(
        "REQ0001", "syntax-error", "pip cannot parse this line", "{0}", DiagnosticSeverity.Error,
        "pip reads every line of a requirements file before installing anything; a line it cannot parse stops the whole install (and so `cog build`). The range marks where pip's parse fails.",
        "numpy=1.26.0", "numpy==1.26.0", "Correct the line as the message says.");

    public static readonly DiagnosticDescriptor LegacyVersion = new(
        "REQ0002", "legacy-version", "Version pip 24.1 and later reject", "{0}", DiagnosticSeverity.Error,
        "pip before 24.1 accepted versions and operators outside PEP 440 (`==custom`, `>=1.0.*`, `<>1`, `~=1`). pip 24.1 and later reject them, so a file that installs today with an old pip fails with a current one.",
        "foo>=1.0.*", "foo>=1.0", "Write a PEP 440 version: wildcards only with == and !=, `!=` instead of `<>`, and two numbers after `~=`.");

    public static readonly DiagnosticDescriptor LocalProjectNotFound = new(
        "REQ0003", "local-project-not-found", "Local project not found", "{0}", DiagnosticSeverity.Warning,
        "pip installs a directory (bare or after `-e`) only when it holds a project (setup.py or pyproject.toml). pip resolves such paths from the directory it runs in; this check looks next to the requirements file, where they usually are meant to be.",
        "-e ./mylib  # no such directory", "-e ./mylib  # a directory with pyproject.toml", "Correct the path, or build a wheel and list that instead.");

    public static readonly DiagnosticDescriptor EnvironmentVariableNotSet = new(
        "REQ0004", "environment-variable-not-set", "Variable not set during Cog's build",
        "pip replaces {0} only when the variable is set where pip runs; Cog's build does not set it, so pip reads '{0}' as written", DiagnosticSeverity.Warning,
        "pip replaces `${NAME}` (capital letters, digits and `_`) in a requirements file with the value of that environment variable, and leaves the text as it is when the variable is unset or empty. `cog build` installs the requirements inside the image build, where the variables of your shell do not exist: only those cog.yaml lists under `environment` (and the few every image build has, like PATH and HOME) are set. The `${NAME}` text then stays in the line, and pip rejects it or uses it literally (an index URL with `${TOKEN}` in it).",
        "${TORCH_PACKAGE}==2.1.0", "torch==2.1.0",
        "Write the value into the file, or set the variable in cog.yaml under `environment` (`- NAME=value`).");

    public static readonly DiagnosticDescriptor UnknownOption = new(
        "REQ0101", "unknown-option", "Unknown pip option", "{0}", DiagnosticSeverity.Error,
        "Only some pip options may appear in a requirements file (index URLs, find-links, includes, binary/pre-release choices, hashes). Any other option makes pip reject the file.",
        "--index=https://example.com/simple", "--index-url=https://example.com/simple", "Use one of the options pip accepts in requirements files, or move the option to the pip command line.");

    public static readonly DiagnosticDescriptor AmbiguousOption = new(
        "REQ0102", "ambiguous-option", "Abbreviated option matches several options", "{0}", DiagnosticSeverity.Error,
        "pip accepts any unambiguous prefix of a long option, but a prefix that starts several options is an error.",
        "--no", "--no-index", "Write the option in full.");

    public static readonly DiagnosticDescriptor IgnoredOption = new(
        "REQ0103", "option-ignored-on-requirement-line", "Option has no effect on a requirement line",
        "pip ignores {0} on a line with a requirement; put it on a line of its own", DiagnosticSeverity.Warning,
        "On a line that names a requirement, pip only uses the per-requirement options (`--hash`, `--config-settings`, `--global-option`) and `--no-binary`/`--only-binary` (which then count for every requirement of the install, not just this one). Other options there are parsed and then silently dropped.",
        "torch==2.1.0 --extra-index-url https://download.pytorch.org/whl/cu118", "--extra-index-url https://download.pytorch.org/whl/cu118\ntorch==2.1.0",
        "Move the option to its own line.", DiagnosticTags.Unnecessary);

    public static readonly DiagnosticDescriptor IgnoredArgument = new(
        "REQ0104", "ignored-argument", "Text pip ignores", "pip ignores '{0}' among the options of this line", DiagnosticSeverity.Warning,
        "After the first option on a line, pip takes words that are neither options nor option values as stray arguments and drops them without a word.",
        "--pre numpy", "--pre\nnumpy", "Put each requirement on its own line before any option.", DiagnosticTags.Unnecessary);

    public static readonly DiagnosticDescriptor IgnoredBesideInclude = new(
        "REQ0105", "option-ignored-on-include-line", "Option has no effect beside an include",
        "pip reads only {1} on this line and ignores {0}; put it on a line of its own", DiagnosticSeverity.Warning,
        "On a line with `-r` or `-c`, pip follows one include, the first `-r` (or the first `-c` when there is no `-r`), and drops everything else on the line: a second include is never read, and other options (an index URL, `--pre`) never take effect.",
        "-r base.txt -c constraints.txt", "-r base.txt\n-c constraints.txt", "Put each include and each option on its own line.", DiagnosticTags.Unnecessary);

    public static readonly DiagnosticDescriptor NotPinned = new(
        "REQ0201", "not-pinned", "Version not pinned",
        "{0}: pin an exact version for reproducible builds", DiagnosticSeverity.Warning,
        "Without an exact `==` pin pip installs whatever the newest matching release is on the day of the build, so two builds of the same files can get different packages. Cog images are meant to be reproducible.",
        "numpy>=1.24,<2", "numpy==1.26.4", "Pin the version you tested with (`==X.Y.Z`).");

    public static readonly DiagnosticDescriptor Duplicate = new(
        "REQ0202", "duplicate-requirement", "Package listed twice",
        "'{0}' is already required on line {1}; pip merges or rejects double requirements", DiagnosticSeverity.Warning,
        "Names are compared after PEP 503 normalization (case, and '-', '_' and '.' are the same), and markers are taken into account: two lines with different markers may target different environments. A second line for the same package is at best redundant and at worst a conflict pip refuses.",
        "numpy==1.26.4\nNumPy==1.26.4", "numpy==1.26.4", "Keep one line per package.", DiagnosticTags.Unnecessary);

    public static readonly DiagnosticDescriptor MissingHash = new(
        "REQ0203", "missing-hash", "Requirement without hash in hash-checking mode",
        "{0}: in hash-checking mode every requirement needs --hash", DiagnosticSeverity.Error,
        "As soon as one requirement has `--hash` (or `--require-hashes` is set), pip checks hashes for everything it installs and refuses any requirement without one. Editable requirements cannot be installed in this mode at all.",
        "numpy==1.26.4 --hash=sha256:…\npandas==2.2.0", "numpy==1.26.4 --hash=sha256:…\npandas==2.2.0 --hash=sha256:…",
        "Add --hash for every requirement (pip-compile --generate-hashes does it), or remove all hashes.");

    public static readonly DiagnosticDescriptor HashNeedsPin = new(
        "REQ0204", "hash-needs-exact-pin", "Hashed requirement not pinned with ==",
        "{0}: in hash-checking mode a requirement must be pinned with ==", DiagnosticSeverity.Error,
        "Hash-checking mode only works when pip knows exactly which file to fetch, so every requirement must be pinned with `==` (or `===`).",
        "numpy>=1.26 --hash=sha256:…", "numpy==1.26.4 --hash=sha256:…", "Pin the requirement with ==.");

    public static readonly DiagnosticDescriptor HashOnOptionLine = new(
        "REQ0205", "hash-without-requirement", "--hash on a line without requirement",
        "--hash on a line without a requirement is ignored", DiagnosticSeverity.Warning,
        "pip only applies `--hash` to the requirement on the same line; on a line without one it warns and ignores it.",
        "--hash=sha256:…", "numpy==1.26.4 --hash=sha256:…", "Put the hash on the requirement's line (use a trailing backslash to continue long lines).", DiagnosticTags.Unnecessary);

    public static readonly DiagnosticDescriptor MissingInclude = new(
        "REQ0301", "include-not-found", "Included file not found", "'{0}' does not exist (looked for {1})", DiagnosticSeverity.Error,
        "pip reads `-r`/`-c` files relative to the file that names them; a missing file stops the install.",
        "-r requirements-dev.txt", "-r requirements/dev.txt", "Correct the path (relative to this file) or create the file.");

    public static readonly DiagnosticDescriptor IncludeCycle = new(
        "REQ0302", "include-cycle", "Include cycle", "including '{0}' leads back to this file: {1}", DiagnosticSeverity.Error,
        "Files that include each other make pip read them again and again until it gives up.",
        "# a.txt\n-r b.txt\n# b.txt\n-r a.txt", "# a.txt\n-r common.txt\n# b.txt\n-r common.txt", "Move the shared lines to a third file both include.");

    public static readonly DiagnosticDescriptor LocalFileUrl = new(
        "REQ0401", "local-file-url", "Cog does not support file: URLs", "local file URL requirements are not supported by Cog; list the path instead ({0})", DiagnosticSeverity.Error,
        "Cog copies local package artifacts into the image only when they are written as bare paths; a `file:` URL points at the build machine's disk, which the image build cannot see.",
        "file:///home/me/dist/pkg-1.0-py3-none-any.whl", "./dist/pkg-1.0-py3-none-any.whl", "Put the file inside the project and write its relative path.");

    public static readonly DiagnosticDescriptor LocalDirectReference = new(
        "REQ0402", "local-direct-reference", "Cog does not support `name @ path`", "Cog does not support local direct references (`name @ path`); list the path directly", DiagnosticSeverity.Error,
        "Cog recognises local artifacts only as bare paths, so `name @ ./path` fails the build.",
        "pkg @ ./dist/pkg-1.0-py3-none-any.whl", "./dist/pkg-1.0-py3-none-any.whl", "Write only the path.");

    public static readonly DiagnosticDescriptor LocalArtifactOptions = new(
        "REQ0403", "local-artifact-options", "Options on a local artifact", "Cog does not support options or hashes on a local package artifact line", DiagnosticSeverity.Error,
        "Cog stages local wheels and archives into the image and rewrites their lines; it rejects such lines when they carry pip options.",
        "./dist/pkg-1.0-py3-none-any.whl --hash=sha256:…", "./dist/pkg-1.0-py3-none-any.whl", "Remove the options from the line.");

    public static readonly DiagnosticDescriptor LocalArtifactMarker = new(
        "REQ0404", "local-artifact-marker", "Marker on a local artifact", "Cog does not support environment markers on a local package artifact", DiagnosticSeverity.Error,
        "Cog rejects environment markers on bare local artifact lines.",
        "./dist/pkg-1.0.tar.gz; python_version >= '3.10'", "./dist/pkg-1.0.tar.gz", "Remove the marker.");

    public static readonly DiagnosticDescriptor LocalArtifactExtras = new(
        "REQ0405", "local-artifact-extras", "Extras on a local artifact", "Cog does not support extras on a local package artifact", DiagnosticSeverity.Error,
        "Cog rejects extras (`[name]`) on bare local artifact lines.",
        "./dist/pkg-1.0.tar.gz[cli]", "./dist/pkg-1.0.tar.gz", "Remove the extras and list the extra packages on their own lines.");

    public static readonly DiagnosticDescriptor UnsupportedLocalArtifact = new(
        "REQ0406", "unsupported-local-artifact", "Local path is not a supported archive",
        "'{0}' is not a wheel or source archive Cog can install (.whl, .zip, .tar.gz, .tgz, .tar.bz2, .tar.xz)", DiagnosticSeverity.Error,
        "Cog installs local packages only from wheels and source archives with the extensions it knows; a directory or any other file is rejected before the build.",
        "./mypackage", "./dist/mypackage-1.0-py3-none-any.whl", "Build a wheel (`pip wheel`) or an sdist and list that file.");

    public static readonly DiagnosticDescriptor LocalArtifactMissing = new(
        "REQ0407", "local-artifact-missing", "Local artifact not found", "'{0}' {1}", DiagnosticSeverity.Error,
        "Cog resolves a local artifact relative to the requirements file and fails the build when it is not there, or when the path names a folder instead of a file.",
        "./dist/pkg-1.0-py3-none-any.whl  # not built yet", "./dist/pkg-1.0-py3-none-any.whl", "Build the artifact or correct the path.")
    {
        StopsCogBuild = true,
    };

    public static readonly DiagnosticDescriptor LocalArtifactOutside = new(
        "REQ0408", "local-artifact-outside-project", "Local artifact outside the project", "'{0}' must be inside the project directory ({1})", DiagnosticSeverity.Error,
        "Cog copies local artifacts from the project directory into the image; a file outside it cannot be staged.",
        "../other/dist/pkg-1.0.tar.gz", "./vendor/pkg-1.0.tar.gz", "Copy the file into the project.");

    public static readonly DiagnosticDescriptor LocalOption = new(
        "REQ0409", "local-option-unsupported", "Cog does not support this local option", "Cog does not support {0} with a local path in the file cog.yaml names", DiagnosticSeverity.Error,
        "Cog reads the requirements file cog.yaml names line by line and rejects `-r`, `--requirement`, `-f` and `--find-links` pointing at local paths, because those files are not copied into the image.",
        "-r requirements-base.txt", "numpy==1.26.4", "Inline the included lines, or point --find-links at a URL.");

    public static readonly DiagnosticDescriptor UnknownMarkerVariable = new(
        "REQ0410", "unknown-marker-variable", "Unknown marker variable", "{0}", DiagnosticSeverity.Error,
        "Environment markers may only use the variables PEP 508 defines (python_version, sys_platform, platform_machine, …); values must be quoted. Anything else makes pip reject the line.",
        "numpy==1.26.4; python_verison < '3.12'", "numpy==1.26.4; python_version < '3.12'", "Use a PEP 508 marker variable and quote literal values.");

    public static readonly DiagnosticDescriptor BadMarkerOperator = new(
        "REQ0411", "bad-marker-operator", "Invalid marker operator", "{0}", DiagnosticSeverity.Error,
        "Markers compare with <, <=, ==, !=, >=, >, ~=, ===, in and not in; any other operator makes pip reject the line.",
        "numpy; python_version = '3.11'", "numpy; python_version == '3.11'", "Use one of the PEP 508 operators.");
}
