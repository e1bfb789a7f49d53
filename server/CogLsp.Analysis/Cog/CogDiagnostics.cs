using System.Collections.Frozen;
using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// The rules about Cog's resolution. REQ0500–REQ0523 are per-line findings on a requirements file
/// (one per <see cref="CogFindingKind"/>, each with its IDs in its row); COG0600–COG0623 are the same
/// findings on python_packages entries in cog.yaml; COG0500–COG0502 are about the cog.yaml keys.
/// COG0503 (cuda-without-gpu) is retired and not reused: COG0208 reports that condition.
/// </summary>
public static class CogDiagnostics
{
    // One row per finding kind, with its two IDs written out: users name them in suppression comments and
    // settings, so an ID never changes and is never reused (a test lists them all).
    private static readonly (CogFindingKind Kind, string RequirementId, string PythonPackagesId, string Name, string Title, DiagnosticSeverity Severity, string Why, string Bad, string Good, string Fix)[] Kinds =
    [
        (CogFindingKind.FrameworkPinRewritten, "REQ0500", "COG0600", "cog-rewrites-pin", "Cog installs a CUDA/CPU-specific build for this pin", DiagnosticSeverity.Information, "Cog rewrites exact torch and torchvision pins to the build that matches the image: it adds the PyTorch index for the chosen CUDA (or the CPU index), so pip installs e.g. 1.11.0+cu113 although the file says 1.11.0.", "torch==1.11.0", "torch==1.11.0", "Nothing to do; pin a local tag (+cu113) if you want to say so in the file."),
        (CogFindingKind.QualifiedPinKept, "REQ0501", "COG0601", "qualified-pin", "A pin with a local tag", DiagnosticSeverity.Information, "A pin such as torch==1.11.0+cu113 names one build. On CPU Cog passes it on as written without an index URL; on GPU it keeps the version, drops the tag and adds the index of the CUDA it chose.", "torch==2.0.1+cpu", "--extra-index-url https://download.pytorch.org/whl/cpu\ntorch==2.0.1+cpu", "Make sure pip can find the build: add the index that holds it."),
        (CogFindingKind.QualifiedPinTagReplaced, "REQ0502", "COG0602", "local-tag-replaced", "Cog replaces the local tag of this pin", DiagnosticSeverity.Warning, "On a GPU build Cog ignores the +cuXYZ/+cpu tag of a torch pin and installs the build for the CUDA it chose, which may differ from the tag.", "torch==2.7.0+cu118   # cuda: \"12.8\"", "torch==2.7.0", "Pin without the tag, or set build.cuda to the tag's CUDA."),
        (CogFindingKind.LocalTagContradictsConfig, "REQ0503", "COG0603", "local-tag-contradicts-config", "The local tag contradicts cog.yaml", DiagnosticSeverity.Warning, "A +cuXYZ tag with gpu: false, +cpu with gpu: true, or a CUDA other than build.cuda asks for a build that does not fit the image Cog builds.", "torch==2.0.1+cu118   # gpu: false", "torch==2.0.1", "Make the tag and cog.yaml agree, or pin without a tag."),
        (CogFindingKind.LocalTagUnknownBuild, "REQ0504", "COG0604", "unknown-local-build", "Cog's table has no such build", DiagnosticSeverity.Warning, "The +cuXYZ tag names a CUDA for which Cog's compatibility table has no build of this release.", "torch==2.0.1+cu121", "torch==2.0.1+cu118", "Use a tag the release was built for."),
        (CogFindingKind.NoWheelForPython, "REQ0505", "COG0605", "no-wheel-for-python", "No wheel for this Python version", DiagnosticSeverity.Warning, "The build Cog chose has wheels only for the Python versions listed in Cog's table; with another python_version pip finds no wheel and fails or builds from source.", "torch==1.11.0   # python_version: \"3.12\"", "torch==2.5.1", "Pick a release with wheels for your python_version, or change python_version."),
        (CogFindingKind.RangeNotRewritten, "REQ0506", "COG0606", "range-not-rewritten", "Only exact pins are rewritten", DiagnosticSeverity.Warning, "Cog rewrites only name==version. A range is resolved by pip from PyPI, yet Cog reads the first version in the line as if it were the pin and may choose CUDA from it.", "torch>=2.0,<2.2", "torch==2.1.2", "Pin an exact version."),
        (CogFindingKind.CompanionPinMismatch, "REQ0507", "COG0607", "companion-not-pinned", "torch and torchvision pinned differently", DiagnosticSeverity.Warning, "Cog rewrites only the pinned one of torch/torchvision; the other is left to pip, which may pick a release that does not match.", "torch\ntorchvision==0.15.2", "torch==2.0.1\ntorchvision==0.15.2", "Pin both to matching releases."),
        (CogFindingKind.IndexOptionChangesRewrite, "REQ0508", "COG0608", "index-option-changes-rewrite", "An index option changes what Cog's rewrite gets", DiagnosticSeverity.Warning, "Cog's parser sees only --extra-index-url=URL on a pin line and drops the space form; an index on its own line competes with the index Cog adds, and pip takes the highest version from either.", "torch==2.0.1 --extra-index-url https://download.pytorch.org/whl/cu117", "torch==2.0.1", "Let Cog choose the index, or write --extra-index-url=URL on the pin line."),
        (CogFindingKind.ExtrasDisableRewrite, "REQ0509", "COG0609", "extras-disable-rewrite", "Extras hide the framework from Cog", DiagnosticSeverity.Warning, "Cog matches the exact name torch/torchvision/tensorflow; with [extras] the pin is not rewritten and does not decide CUDA.", "torch[opt]==2.0.1", "torch==2.0.1", "Remove the extras or pin the build yourself."),
        (CogFindingKind.CaseSensitiveName, "REQ0510", "COG0610", "case-sensitive-name", "Cog's name match is case-sensitive", DiagnosticSeverity.Warning, "pip treats Torch and torch alike, Cog does not: Torch==2.0.1 is neither rewritten nor used to choose CUDA.", "Torch==2.0.1", "torch==2.0.1", "Write the name in lower case."),
        (CogFindingKind.PinRebuiltDropsParts, "REQ0511", "COG0611", "pin-rebuilt", "Cog rebuilds the pin and drops the rest", DiagnosticSeverity.Warning, "Cog rewrites every name==version line as just name==version: a marker, hash or option after a space is lost.", "numpy==1.21.0 ; python_version < \"3.11\"", "numpy==1.21.0;python_version<\"3.11\"", "Write the marker without spaces, or move options to their own lines."),
        (CogFindingKind.DottedNameTruncated, "REQ0512", "COG0612", "dotted-name-truncated", "Cog drops the part of the name before the last dot", DiagnosticSeverity.Warning, "Cog's pin parser allows no dots in a name, so zope.interface==5.4.0 becomes interface==5.4.0 — a different package.", "zope.interface==5.4.0", "zope-interface==5.4.0", "Write the name with '-' for '.' (the same project for pip)."),
        (CogFindingKind.HashCutsLine, "REQ0513", "COG0613", "hash-cuts-line", "Cog cuts the line at '#'", DiagnosticSeverity.Warning, "Cog treats every '#' as the start of a comment, even inside a URL (#egg=, #sha256=); pip needs a space before '#'.", "git+https://github.com/org/repo.git#egg=repo", "repo @ git+https://github.com/org/repo.git", "Use `name @ URL` without a fragment."),
        (CogFindingKind.CommentContinuationSwallowsLine, "REQ0514", "COG0614", "comment-continuation", "A comment ending in \\ swallows the next line", DiagnosticSeverity.Warning, "Cog joins a line ending in a backslash with the next even when it is a comment, so the next requirement is ignored; pip installs it.", "# pinned \\\ntorch==2.0.1", "# pinned\ntorch==2.0.1", "Remove the trailing backslash from the comment."),
        (CogFindingKind.LocalRequirementRefused, "REQ0515", "COG0615", "local-requirement-refused", "Cog refuses this local requirement", DiagnosticSeverity.Error, "Cog stages only bare local wheels/sdists into the image; -r/-f with local paths, file: URLs, `name @ path` and options on local artifacts make `cog build` fail.", "-r other.txt", "(copy the requirements of other.txt into this file)", "Inline the included file, or list the artifact path on its own."),
        (CogFindingKind.ConstraintFileNotShipped, "REQ0516", "COG0616", "constraint-file-not-shipped", "The constraints file is not in the image", DiagnosticSeverity.Error, "Cog copies only the requirements it generates into the image; pip cannot open a local -c file there.", "-c constraints.txt", "numpy==1.26.4", "Put the constraints into the requirements file as pins."),
        (CogFindingKind.ManagedPackageDropped, "REQ0517", "COG0617", "managed-package-dropped", "Cog removes cog/coglet from the requirements", DiagnosticSeverity.Warning, "Cog installs its own SDK; a cog or coglet line is removed with a warning.", "cog==0.9.0", "(no line; set build.sdk_version in cog.yaml)", "Remove the line and use build.sdk_version."),
        (CogFindingKind.EditableSelf, "REQ0518", "COG0618", "editable-self", "`-e .` in the requirements", DiagnosticSeverity.Information, "Cog drops a bare `-e .` line, but keeps it when a comment follows, and pip in the image then installs whatever directory it runs in.", "-e .  # self", "(no line)", "Remove the line."),
        (CogFindingKind.CogError, "REQ0519", "COG0619", "cog-error", "Cog fails here", DiagnosticSeverity.Error, "Cog's build stops with this error, caused by this line.", "torch   # gpu: true", "torch==2.5.1", "Do what Cog's message says."),
        (CogFindingKind.CogWarning, "REQ0520", "COG0620", "cog-warning", "Cog warns here", DiagnosticSeverity.Warning, "Cog prints this warning while resolving, because of this line.", "torchvision==0.12.0+cu113", "torchvision==0.12.0", "Do what Cog's message says."),
        (CogFindingKind.UnknownFrameworkVersion, "REQ0521", "COG0621", "unknown-framework-version", "Cog does not know this version", DiagnosticSeverity.Warning, "Cog's compatibility table has no build of this release for the image, so it adds no index and pip installs whatever PyPI has.", "torch==0.4.1", "torch==2.5.1", "Pin a release Cog knows, or add the right index yourself."),
        (CogFindingKind.MovedToEnd, "REQ0522", "COG0622", "moved-to-end", "Cog moves this requirement to the end", DiagnosticSeverity.Information, "When Cog's rewrite removes the name from a line, it appends name==version at the end of the file it installs.", "tensorflow==0.4.1", "tensorflow==2.12.0", "Pin a version Cog knows."),
        (CogFindingKind.SpacedPinNotRewritten, "REQ0523", "COG0623", "spaced-pin-not-rewritten", "Spaces around == stop Cog's rewrite", DiagnosticSeverity.Warning, "Cog's rewrite needs name==version without spaces; with spaces the pin goes to pip unchanged, yet Cog still reads its version to choose CUDA.", "torch == 1.11.0", "torch==1.11.0", "Remove the spaces around ==."),
    ];

    public static readonly ImmutableArray<DiagnosticDescriptor> RequirementRules = Kinds.Select(k => new DiagnosticDescriptor(
        k.RequirementId, k.Name, k.Title, "{0}", k.Severity, k.Why + " (Rules of Cog 6110c912.)", k.Bad, k.Good, k.Fix)).ToImmutableArray();

    public static readonly ImmutableArray<DiagnosticDescriptor> PythonPackagesRules = RequirementRules.Select((d, i) => d with { Id = Kinds[i].PythonPackagesId }).ToImmutableArray();

    private static readonly FrozenDictionary<CogFindingKind, int> RowOf = Kinds.Select((k, i) => (k.Kind, i)).ToFrozenDictionary(k => k.Kind, k => k.i);

    public static readonly DiagnosticDescriptor CudaChosen = new(
        "COG0500", "cuda-chosen", "The CUDA, cuDNN and base image Cog picks", "{0}", DiagnosticSeverity.Information,
        "For gpu: true Cog picks CUDA from build.cuda, else from the tensorflow or torch pin, else 11.8, then the newest cuDNN with an image, then the NVIDIA image. This shows the result where the decision is made.",
        "build:\n  gpu: true", "build:\n  gpu: true\n  cuda: \"12.8\"", "Set build.cuda to choose it yourself.");

    public static readonly DiagnosticDescriptor CogWarning = new(
        "COG0501", "cog-resolution-warning", "Cog warns about this setting", "{0}", DiagnosticSeverity.Warning,
        "Cog prints this warning while it resolves CUDA for the build.", "build:\n  cuda: \"11.8\"", "build:\n  cuda: \"12.8\"", "Do what Cog's message says.");

    public static readonly DiagnosticDescriptor CogError = new(
        "COG0502", "cog-resolution-error", "Cog's build fails with this setting", "{0}", DiagnosticSeverity.Error,
        "Cog stops with this error while it resolves CUDA, cuDNN or the base image.", "build:\n  cuda: \"11.8\"\n  cudnn: \"9\"", "build:\n  cuda: \"11.8\"\n  cudnn: \"8\"", "Do what Cog's message says.");

    public static DiagnosticDescriptor ForRequirement(CogFindingKind kind) => RequirementRules[RowOf[kind]];

    public static DiagnosticDescriptor ForPythonPackage(CogFindingKind kind) => PythonPackagesRules[RowOf[kind]];
}
