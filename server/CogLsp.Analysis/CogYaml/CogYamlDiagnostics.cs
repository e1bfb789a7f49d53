using CogLsp.Analysis.Diagnostics;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// Every cog.yaml rule beyond COG0001, defined once. Ranges: COG00xx YAML reading, COG01xx schema and
/// types, COG02xx Cog's validation rules, COG03xx deprecations, COG04xx files, cross-file checks and the
/// YAML float trap. Rules and figures follow Cog at commit 6110c912.
/// </summary>
public static class CogYamlDiagnostics
{
    private const DiagnosticSeverity E = DiagnosticSeverity.Error;
    private const DiagnosticSeverity W = DiagnosticSeverity.Warning;

    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "COG0002", "duplicate-key", "Key written twice in one mapping",
        "'{0}' is already set on line {1}; remove one of them", E,
        "Cog reads cog.yaml with Go's YAML decoder, which refuses a mapping that names the same key twice, so `cog build` stops. Other YAML tools silently keep the last value, which hides the mistake. The decoder never looks inside a key Cog does not read, so a key written twice there does not stop the build and is not reported (the unknown key is, by COG0101).",
        "build:\n  gpu: true\n  gpu: false", "build:\n  gpu: true", "Delete the copy you do not want.")
    {
        StopsCogBuild = true,
    };

    public static readonly DiagnosticDescriptor ExcessiveAliasing = new(
        "COG0003", "excessive-aliasing", "Aliases expand to an enormous document",
        "The aliases in this file expand to more than {0} nodes; YAML readers refuse or hang on it", E,
        "Each alias stands for a full copy of its anchor's node. Aliases of aliases multiply, so a few lines can stand for billions of values (the 'billion laughs' attack); Go's YAML decoder rejects such documents.",
        "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b] # … nine more levels", "build:\n  python_version: \"3.13\"", "Write the values out instead of nesting aliases.");

    public static readonly DiagnosticDescriptor ExtraDocument = new(
        "COG0004", "extra-yaml-document", "Second YAML document is ignored",
        "Cog reads only the first YAML document; everything after this '---' is ignored", W,
        "A `---` line starts a new YAML document. Cog decodes the first document only, so settings after it have no effect.",
        "build:\n  gpu: true\n---\npredict: predict.py:Predictor", "build:\n  gpu: true\npredict: predict.py:Predictor", "Merge the documents into one (delete the `---`).");

    public static readonly DiagnosticDescriptor TooDeep = new(
        "COG0005", "nesting-too-deep", "Nesting too deep to analyse",
        "{0}", W,
        "Collections nested hundreds of levels deep are not analysed further, so the editor stays responsive. No cog.yaml needs such nesting.",
        "a: [[[[[[ … ]]]]]]", "a: [1, 2]", "Flatten the structure.");

    public static readonly DiagnosticDescriptor UnknownKey = new(
        "COG0101", "unknown-key", "Key Cog does not read",
        "Cog ignores unknown key '{0}'{1}", W,
        "Cog decodes cog.yaml into fixed fields and silently drops every key it does not know, so a misspelt key (`pyhton_version`) or a key in the wrong section (`gpu` at the top level) has no effect at all.",
        "build:\n  pyhton_version: \"3.11\"", "build:\n  python_version: \"3.11\"", "Correct the spelling or move the key to the section it belongs to; delete it if it is not needed.");

    public static readonly DiagnosticDescriptor WrongType = new(
        "COG0102", "wrong-type", "Value of the wrong type",
        "'{0}' must be {1}", E,
        "Cog decodes each key into a typed field; a list where a string is expected, a quoted \"true\" for a boolean or a word for a number makes decoding fail and `cog build` stops.",
        "build:\n  gpu: \"yes please\"\n  system_packages: ffmpeg", "build:\n  gpu: true\n  system_packages:\n    - ffmpeg", "Write the value in the expected shape.")
    {
        StopsCogBuild = true,
    };

    public static readonly DiagnosticDescriptor IgnoredKey = new(
        "COG0103", "key-ignored-by-cog", "Key Cog's schema lists but Cog drops",
        "Cog's decoder has no field for '{0}'; the value is dropped", W,
        "Cog's JSON schema documents a few keys that its Go decoder never reads (such as `concurrency.default_target`), so setting them changes nothing in the build or at run time.",
        "concurrency:\n  max: 2\n  default_target: 1", "concurrency:\n  max: 2", "Remove the key.");

    public static readonly DiagnosticDescriptor RunItemIncomplete = new(
        "COG0104", "run-item-incomplete", "build.run entry is incomplete",
        "{0}", E,
        "A build.run item written as a mapping needs a non-empty `command`; each of its `mounts` needs `type: secret`, an `id` and a `target`. Cog's schema check rejects anything else (an empty item too), and `cog build` stops.",
        "build:\n  run:\n    - mounts:\n        - type: secret", "build:\n  run:\n    - command: pip download x\n      mounts:\n        - type: secret\n          id: token\n          target: /run/secrets/token", "Add the missing field.")
    {
        StopsCogBuild = true,
    };

    public static readonly DiagnosticDescriptor PythonVersionMissing = new(
        "COG0201", "python-version-required", "build.python_version is missing",
        "python_version is required: add `python_version: \"{0}\"` to the build section", E,
        "When cog.yaml has a `build` section, Cog requires `build.python_version` and stops otherwise.",
        "build:\n  gpu: true", "build:\n  gpu: true\n  python_version: \"3.13\"", "Add python_version with the Python version your model needs.");

    public static readonly DiagnosticDescriptor PythonVersionMalformed = new(
        "COG0202", "python-version-malformed", "python_version is not major.minor[.patch]",
        "python_version '{0}' {1}; write it like \"3.13\"", E,
        "Cog splits python_version at the dots and needs whole numbers for the major and minor parts.",
        "build:\n  python_version: \"3\"", "build:\n  python_version: \"3.13\"", "Write the version as major.minor, e.g. \"3.13\".");

    public static readonly DiagnosticDescriptor PythonVersionTooOld = new(
        "COG0203", "python-version-too-old", "python_version below Cog's minimum",
        "Python {0} is below Cog's minimum supported version {1} (since Cog " + Cog.CogReleases.PythonFloor + "); use {1} or newer", E,
        "Cog refuses Python versions older than its minimum (3.10 at commit 6110c912; the floor arrived in Cog " + Cog.CogReleases.PythonFloor + ", so projects built with older Cogs may use older Pythons).",
        "build:\n  python_version: \"3.8\"", "build:\n  python_version: \"3.11\"", "Raise python_version to a supported version.");

    public static readonly DiagnosticDescriptor CudaMalformed = new(
        "COG0204", "cuda-malformed", "cuda is not major.minor",
        "cuda '{0}' {1}; write it like \"12.4\"", E,
        "Cog splits the CUDA version at the dots and needs a whole-number major and minor part.",
        "build:\n  cuda: \"12\"", "build:\n  cuda: \"12.4\"", "Write CUDA as major.minor.");

    public static readonly DiagnosticDescriptor CudaTooOld = new(
        "COG0205", "cuda-too-old", "cuda below Cog's minimum",
        "CUDA {0} is below Cog's minimum supported major version {1}", E,
        "Cog supports CUDA 11 and newer only.",
        "build:\n  cuda: \"10.2\"", "build:\n  cuda: \"11.8\"", "Use CUDA 11 or newer, or remove `cuda` and let Cog pick.");

    public static readonly DiagnosticDescriptor CudaCudnnMismatch = new(
        "COG0206", "cuda-cudnn-no-image", "No base image for this CUDA and cuDNN",
        "Cog has no base image with CUDA {0} and cuDNN {1}; compatible cuDNN versions: {2}", E,
        "With `gpu: true` Cog builds on an nvidia/cuda image with the requested CUDA and cuDNN; it refuses a pair it has no image for. cuDNN is compared as written, so it must be the major version alone (\"9\", not \"9.1\").",
        "build:\n  gpu: true\n  cuda: \"12.4\"\n  cudnn: \"8\"", "build:\n  gpu: true\n  cuda: \"12.4\"\n  cudnn: \"9\"", "Pick a cuDNN from the list, or remove `cudnn` so Cog picks the newest one.");

    public static readonly DiagnosticDescriptor CudaUnsupported = new(
        "COG0207", "cuda-unsupported", "CUDA version without a Cog base image",
        "Cog has no base image for CUDA {0}; supported: {1}", E,
        "With `gpu: true` Cog needs an nvidia/cuda base image for the requested CUDA version and stops when it has none.",
        "build:\n  gpu: true\n  cuda: \"11.9\"", "build:\n  gpu: true\n  cuda: \"11.8\"", "Choose a CUDA version from the list, or remove `cuda`.");

    public static readonly DiagnosticDescriptor CudaWithoutGpu = new(
        "COG0208", "cuda-without-gpu", "cuda/cudnn set without gpu: true",
        "'{0}' has no effect because build.gpu is not true; Cog builds a CPU image", W,
        "Cog only reads cuda and cudnn for GPU builds. Without `gpu: true` the image has no CUDA at all, which is rarely what someone who wrote a CUDA version wants.",
        "build:\n  cuda: \"12.4\"", "build:\n  gpu: true\n  cuda: \"12.4\"", "Add `gpu: true`, or remove cuda/cudnn.");

    public static readonly DiagnosticDescriptor BadReference = new(
        "COG0210", "reference-not-file-py-class", "Not in the form file.py:Class",
        "{0} must be in the form '{1}'", E,
        "run, predict and train name a Python file and a class in it, separated by `:` (e.g. `run.py:Runner`). Cog refuses anything else.",
        "run: Runner", "run: \"run.py:Runner\"", "Write the file (ending in .py), a colon, and the class name.")
    {
        StopsCogBuild = true,
    };

    public static readonly DiagnosticDescriptor RunAndPredict = new(
        "COG0211", "run-and-predict", "run and predict both set",
        "Only one of run or predict can be set; remove predict", E,
        "`predict` is the old name of `run`; Cog refuses a file that sets both.",
        "run: run.py:Runner\npredict: predict.py:Predictor", "run: run.py:Runner", "Keep `run` and delete `predict`.")
    {
        StopsCogBuild = true,
    };

    public static readonly DiagnosticDescriptor EnvironmentFormat = new(
        "COG0220", "environment-format", "Environment entry is not NAME=value",
        "Environment entry '{0}' is not in the NAME=value format (NAME: letters, digits, underscores, not starting with a digit)", E,
        "Each environment item is one variable written `NAME=value`; Cog refuses items without `=`, with an empty name or with characters a shell variable name cannot have.",
        "environment:\n  - DEBUG", "environment:\n  - DEBUG=1", "Write NAME=value.")
    {
        StopsCogBuild = true,
    };

    public static readonly DiagnosticDescriptor EnvironmentReserved = new(
        "COG0221", "environment-reserved", "Environment variable reserved by Cog",
        "Environment variable '{0}' is not allowed: Cog reserves it ({1})", E,
        "Cog sets some variables itself (PATH, PYTHONPATH, LD_LIBRARY_PATH, CUDA_*, NVIDIA_*, R8_*, REPLICATE_*, …) and refuses to let cog.yaml override them.",
        "environment:\n  - PATH=/opt/bin", "environment:\n  - MY_TOOL_HOME=/opt", "Use another name.")
    {
        StopsCogBuild = true,
    };

    public static readonly DiagnosticDescriptor EnvironmentDuplicate = new(
        "COG0222", "environment-duplicate", "Environment variable set twice",
        "Environment variable '{0}' is already defined", E,
        "Cog refuses an environment list that sets the same variable twice.",
        "environment:\n  - A=1\n  - A=2", "environment:\n  - A=2", "Keep one of them.")
    {
        StopsCogBuild = true,
    };

    public static readonly DiagnosticDescriptor PackagesAndRequirements = new(
        "COG0230", "python-packages-and-requirements", "python_packages and python_requirements both set",
        "Only one of python_packages or python_requirements can be set; move these packages into {0}", E,
        "Cog takes Python packages from exactly one place and refuses a cog.yaml that sets both.",
        "build:\n  python_requirements: requirements.txt\n  python_packages:\n    - numpy==1.26.4", "build:\n  python_requirements: requirements.txt", "Move the python_packages items into the requirements file and delete python_packages.");

    public static readonly DiagnosticDescriptor ConcurrencyTooLow = new(
        "COG0240", "concurrency-max-too-low", "concurrency.max below 1",
        "concurrency.max must be at least 1", E,
        "Cog refuses a concurrency limit below 1.", "concurrency:\n  max: 0", "concurrency:\n  max: 1", "Use 1 or more.")
    {
        StopsCogBuild = true,
    };

    public static readonly DiagnosticDescriptor ConcurrencyNeedsPython311 = new(
        "COG0241", "concurrency-needs-python-311", "Concurrency needs Python 3.11",
        "concurrency.max above 1 requires Python {0} or higher (python_version is {1})", E,
        "Cog runs concurrent predictions with asyncio features from Python 3.11 and refuses concurrency above 1 on older Python.",
        "build:\n  python_version: \"3.10\"\nconcurrency:\n  max: 4", "build:\n  python_version: \"3.11\"\nconcurrency:\n  max: 4", "Raise python_version to 3.11 or newer, or set max to 1.")
    {
        StopsCogBuild = true,
    };

    public static readonly DiagnosticDescriptor ConcurrencyMaxMissing = new(
        "COG0242", "concurrency-max-missing", "concurrency without max",
        "concurrency needs a 'max' value", E,
        "Cog's schema requires `max` whenever a concurrency section is present.",
        "concurrency: {}", "concurrency:\n  max: 2", "Add max, or delete the section.")
    {
        StopsCogBuild = true,
    };

    public static readonly DiagnosticDescriptor ModelAndImage = new(
        "COG0250", "model-and-image", "model and image both set",
        "'model' and 'image' cannot both be set; keep 'model'", E,
        "`model` replaces `image`; Cog refuses a file with both.", "image: r8.im/a/b\nmodel: r8.im/a/b", "model: r8.im/a/b", "Delete `image`.")
    {
        StopsCogBuild = true,
    };

    public static readonly DiagnosticDescriptor ModelNotRepository = new(
        "COG0253", "model-not-a-repository", "model is not a bare repository name",
        "{0}", E,
        "`model` names the repository Cog pushes the image and weights to, such as `r8.im/owner/name`. Cog parses it as a container repository and stops when it carries a tag (`:latest`) or a digest (`@sha256:…`), or uses characters a repository cannot have (upper-case letters, spaces; the registry part before the first `/` must be a host name with an optional port).",
        "model: r8.im/owner/name:latest", "model: r8.im/owner/name", "Remove the tag or digest; write the repository in lower case.")
    {
        StopsCogBuild = true,
    };

    public static readonly DiagnosticDescriptor WeightsNeedModel = new(
        "COG0251", "weights-need-model", "weights without model",
        "{0}", E,
        "Weights are pushed with the model's repository, so Cog requires `model` when `weights` is set (and refuses the older `image` for it).",
        "image: r8.im/a/b\nweights:\n  - name: base\n    target: /weights\n    source: {uri: hf://org/repo}", "model: r8.im/a/b\nweights:\n  - name: base\n    target: /weights\n    source: {uri: hf://org/repo}", "Set `model` (rename `image` to `model`).")
    {
        StopsCogBuild = true,
    };

    public static readonly DiagnosticDescriptor WeightsEntryInvalid = new(
        "COG0252", "weights-entry-invalid", "Invalid weights entry",
        "{0}", E,
        "Each weights entry needs a unique name made of lowercase letters and digits (separated by `.`, `_` or `-`), a source, and an absolute target that is not `/` and does not overlap another target; include/exclude patterns must not be empty, start with `!` or contain backslashes.",
        "weights:\n  - name: My Weights\n    target: weights", "weights:\n  - name: my-weights\n    target: /src/weights\n    source:\n      uri: hf://org/repo", "Correct the entry as the message says.")
    {
        StopsCogBuild = true,
    };

    public static readonly DiagnosticDescriptor SdkVersionTooOld = new(
        "COG0260", "sdk-version-too-old", "build.sdk_version below Cog's minimum",
        "{0}", E,
        "Cog refuses to install a cog SDK older than " + Cog.CogSdkVersion.Minimum + " when build.sdk_version names one explicitly, and `cog build` stops with \"cog version … is below the minimum required version " + Cog.CogSdkVersion.Minimum + "\" when it writes the Dockerfile. Only the MAJOR.MINOR.PATCH part counts, so 0.15.9-rc1 is refused too.",
        "build:\n  sdk_version: \"0.15.0\"", "build:\n  sdk_version: \"0.17.0\"", "Raise sdk_version to " + Cog.CogSdkVersion.Minimum + " or later, or remove it to get the latest SDK.")
    {
        StopsCogBuild = true,
    };

    public static readonly DiagnosticDescriptor SdkVersionInvalid = new(
        "COG0261", "sdk-version-invalid", "build.sdk_version is not a version pip accepts",
        "sdk_version '{0}' is not a version: Cog asks pip for `{1}`, which pip refuses; write a version such as \"0.17.0\" or \"prerelease\"", E,
        "Cog passes build.sdk_version to pip as `cog==VERSION` (a SemVer pre-release such as 0.17.0-alpha1 written the PEP 440 way) unless it is `prerelease`. A value that is not a version makes the pip step of the build fail.",
        "build:\n  sdk_version: latest", "build:\n  sdk_version: \"0.17.0\"", "Write a release number, `prerelease`, or remove the key for the latest release.");

    public static readonly DiagnosticDescriptor PythonPackagesDeprecated = new(
        "COG0301", "python-packages-deprecated", "build.python_packages is deprecated",
        "build.python_packages is deprecated (since Cog " + Cog.CogReleases.PythonPackagesDeprecated + "): use a requirements file named by build.python_requirements", W,
        "Cog still installs build.python_packages but warns that it is deprecated (since Cog " + Cog.CogReleases.PythonPackagesDeprecated + "). A requirements file is the standard format that pip, Dependabot and other tools understand.",
        "build:\n  python_packages:\n    - torch==2.3.1", "build:\n  python_requirements: requirements.txt", "Move the packages to requirements.txt and point build.python_requirements at it.",
        DiagnosticTags.Deprecated);

    public static readonly DiagnosticDescriptor PreInstallDeprecated = new(
        "COG0302", "pre-install-deprecated", "build.pre_install is deprecated",
        "build.pre_install is deprecated: use build.run commands instead", W,
        "Cog still runs pre_install commands but warns that the key is deprecated in favour of build.run.",
        "build:\n  pre_install:\n    - pip install -U pip", "build:\n  run:\n    - pip install -U pip", "Move the commands to build.run.",
        DiagnosticTags.Deprecated);

    public static readonly DiagnosticDescriptor PredictDeprecated = new(
        "COG0303", "predict-deprecated", "predict is deprecated",
        "predict is deprecated: use run to point at your runner class", W,
        "Cog reads `predict` as the old name of `run` and warns that it is deprecated.",
        "predict: predict.py:Predictor", "run: predict.py:Predictor", "Rename the key to `run`.",
        DiagnosticTags.Deprecated);

    public static readonly DiagnosticDescriptor ConcurrencyMaxDeprecated = new(
        "COG0304", "concurrency-max-deprecated", "concurrency.max is deprecated",
        "concurrency.max is deprecated: configure concurrency with @cog.concurrent(max=...) on an async run() method", W,
        "Cog warns that concurrency.max is deprecated; the limit now belongs in code, on the run method.",
        "concurrency:\n  max: 4", "# in run.py\n@cog.concurrent(max=4)\nasync def run(self): ...", "Remove concurrency.max and decorate the async run method.",
        DiagnosticTags.Deprecated);

    public static readonly DiagnosticDescriptor RequirementsMissing = new(
        "COG0401", "requirements-file-missing", "python_requirements file does not exist",
        "Requirements file '{0}' does not exist (looked for {1})", E,
        "python_requirements is read relative to the folder of cog.yaml; Cog stops when the file is not there.",
        "build:\n  python_requirements: requirments.txt", "build:\n  python_requirements: requirements.txt", "Correct the path or create the file.");

    public static readonly DiagnosticDescriptor RequirementsOutsideProject = new(
        "COG0402", "requirements-outside-project", "python_requirements points outside the project",
        "'{0}' lies outside the project folder; the build may not see it", W,
        "Cog builds from the folder of cog.yaml. An absolute path or a `..` path leaving that folder works on your machine but not for a colleague or a CI runner, and local packages it names are refused.",
        "build:\n  python_requirements: ../shared/requirements.txt", "build:\n  python_requirements: requirements.txt", "Copy the file into the project and point at it with a relative path.");

    public static readonly DiagnosticDescriptor ModuleMissing = new(
        "COG0403", "module-file-missing", "Python file of run/predict/train does not exist",
        "'{0}' does not exist next to cog.yaml", E,
        "Cog imports the file named before `:` from the project folder; when it is missing the build fails at the schema step.",
        "run: \"prdict.py:Predictor\"", "run: \"predict.py:Predictor\"", "Correct the file name or create the file.");

    public static readonly DiagnosticDescriptor ClassMissing = new(
        "COG0404", "class-not-found", "Class of run/predict/train not found",
        "'{0}' defines no class '{1}'", E,
        "Cog loads the class named after `:` from the file; when the file neither defines it (`class Name`) nor imports or assigns that name, loading fails.",
        "run: \"predict.py:Predicter\"", "run: \"predict.py:Predictor\"", "Correct the class name.");

    public static readonly DiagnosticDescriptor FloatTrap = new(
        "COG0410", "yaml-float-trap", "Unquoted version reads as a number",
        "Unquoted {0} is the number {1} to YAML tools; quote it: {2}", W,
        "An unquoted `3.10` is a floating-point number in YAML, i.e. 3.1. Cog happens to keep the text, but editors, linters, formatters and scripts that load cog.yaml see 3.1; one save by such a tool turns Python 3.10 into 3.1.",
        "build:\n  python_version: 3.10", "build:\n  python_version: \"3.10\"", "Quote the version.");

    public static readonly DiagnosticDescriptor GitWithoutGit = new(
        "COG0420", "git-requirement-without-git", "git+ requirement but no git in system_packages",
        "'{0}' is installed from git, but git is not in build.system_packages; add it", W,
        "pip needs the git program to install `git+` requirements. Cog's CPU image built from the slim Python image does not have git, so pip fails there unless system_packages lists it (GPU builds install git themselves).",
        "build:\n  python_packages:\n    - git+https://github.com/org/pkg", "build:\n  system_packages:\n    - git\n  python_packages:\n    - git+https://github.com/org/pkg", "Add `git` to build.system_packages.");

    public static IEnumerable<DiagnosticDescriptor> All =>
    [
        DuplicateKey, ExcessiveAliasing, ExtraDocument, TooDeep,
        UnknownKey, WrongType, IgnoredKey, RunItemIncomplete,
        PythonVersionMissing, PythonVersionMalformed, PythonVersionTooOld, CudaMalformed, CudaTooOld, CudaCudnnMismatch, CudaUnsupported, CudaWithoutGpu,
        BadReference, RunAndPredict, EnvironmentFormat, EnvironmentReserved, EnvironmentDuplicate, PackagesAndRequirements,
        ConcurrencyTooLow, ConcurrencyNeedsPython311, ConcurrencyMaxMissing, ModelAndImage, ModelNotRepository, WeightsNeedModel, WeightsEntryInvalid,
        SdkVersionTooOld, SdkVersionInvalid,
        PythonPackagesDeprecated, PreInstallDeprecated, PredictDeprecated, ConcurrencyMaxDeprecated,
        RequirementsMissing, RequirementsOutsideProject, ModuleMissing, ClassMissing, FloatTrap, GitWithoutGit,
    ];
}
