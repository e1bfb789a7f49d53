using System.Collections.Immutable;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// The keys of cog.yaml that Cog (commit 6110c912) reads, with their types and documentation written for
/// this product. Cog decodes cog.yaml into Go structs, so a key not listed here is silently dropped.
/// </summary>
public static class CogYamlSchema
{
    public const string MinimumPython = "3.10";
    public const string MinimumPythonForConcurrency = "3.11";
    public const string DefaultPython = "3.13";
    public const int MinimumCudaMajor = 11;

    /// <summary>Python versions offered by completion: Cog's minimum up to the newest it installs, default first.</summary>
    public static ImmutableArray<string> PythonVersions { get; } = ["3.13", "3.12", "3.11", "3.10", "3.14"];

    public static ImmutableArray<CogYamlKeyInfo> Keys { get; } =
    [
        new("", "build", CogYamlValueType.Mapping,
            "How the container image is built: the Python version, whether it has GPUs, system and Python packages, extra commands.")
        { Example = "build:\n  python_version: \"3.13\"\n  python_requirements: requirements.txt" },
        new("", "run", CogYamlValueType.String,
            "Where the runner class lives, as `file.py:ClassName`, relative to cog.yaml. Cog imports this class to serve runs (predictions).")
        { ValueSnippet = "\"${1:run.py}:${2:Runner}\"", Example = "run: \"run.py:Runner\"" },
        new("", "predict", CogYamlValueType.String,
            "The older name of `run`: `file.py:ClassName` of the predictor. Still read, but deprecated; write `run` instead.")
        { DeprecatedInFavourOf = "run", ValueSnippet = "\"${1:predict.py}:${2:Predictor}\"", Example = "predict: \"predict.py:Predictor\"" },
        new("", "train", CogYamlValueType.String,
            "Where the training entry point lives, as `file.py:ClassName` (or function), relative to cog.yaml.")
        { ValueSnippet = "\"${1:train.py}:${2:Trainer}\"", Example = "train: \"train.py:Trainer\"" },
        new("", "image", CogYamlValueType.String,
            "The name given to the built Docker image (include the registry to push it). Cannot be used together with `model`.")
        { ValueSnippet = "\"${1:r8.im/user/model}\"" },
        new("", "model", CogYamlValueType.String,
            "The repository this model's image and weights are pushed to, without a tag or digest. Required when `weights` is used; cannot be combined with `image`.")
        { ValueSnippet = "\"${1:r8.im/user/model}\"" },
        new("", "concurrency", CogYamlValueType.Mapping,
            "Settings for running several predictions at once. Deprecated in favour of `@cog.concurrent` on an async run method."),
        new("", "environment", CogYamlValueType.StringList,
            "Environment variables set during the build and at run time, one `NAME=value` per item. Names Cog uses itself (PATH, CUDA_*, …) are refused.")
        { Example = "environment:\n  - HF_HOME=/src/.hf" },
        new("", "weights", CogYamlValueType.MappingList,
            "Weight directories packaged with the model: each has a `name`, an absolute `target` in the container and a `source` to import from. Needs `model`."),

        new("build", "python_version", CogYamlValueType.String,
            $"The Python version installed in the image, `major.minor` or `major.minor.patch`. Cog needs at least {MinimumPython}. Quote it: unquoted `3.10` is the number 3.1 to most YAML tools.")
        { SuggestedValues = PythonVersions, ValueSnippet = "\"${1:" + DefaultPython + "}\"", Example = "python_version: \"3.13\"" },
        new("build", "gpu", CogYamlValueType.Boolean,
            "Whether the model needs NVIDIA GPUs. When true Cog builds on an `nvidia/cuda` base image and picks CUDA and cuDNN from your torch or tensorflow pins (or from `cuda`/`cudnn`). Defaults to false.")
        { SuggestedValues = ["true", "false"] },
        new("build", "cuda", CogYamlValueType.String,
            $"The CUDA version to build with, `major.minor` (major at least {MinimumCudaMajor}). Only read when `gpu: true`; usually best left out so Cog picks one that matches torch or tensorflow.")
        { SuggestedValues = CudaBaseImages.CudaMinorVersions, ValueSnippet = "\"${1:12.4}\"" },
        new("build", "cudnn", CogYamlValueType.String,
            "The cuDNN major version (e.g. `9`). Only read when `gpu: true`; it must be one Cog has a base image for together with `cuda`.")
        { SuggestedValues = ["9", "8"], ValueSnippet = "\"${1:9}\"" },
        new("build", "python_requirements", CogYamlValueType.String,
            "The pip requirements file with the Python packages to install, relative to cog.yaml. This is the recommended way to declare packages.")
        { ValueSnippet = "${1:requirements.txt}", Example = "python_requirements: requirements.txt" },
        new("build", "python_packages", CogYamlValueType.StringList,
            "Python packages listed in cog.yaml itself (`name==version`). Deprecated: move them to a requirements file named by `python_requirements`.")
        { DeprecatedInFavourOf = "build.python_requirements" },
        new("build", "system_packages", CogYamlValueType.StringList,
            "Ubuntu (apt) packages to install, e.g. `ffmpeg`, `libgl1`.")
        { Example = "system_packages:\n  - ffmpeg" },
        new("build", "run", CogYamlValueType.RunList,
            "Shell commands run after the system and Python packages are installed, like a Dockerfile RUN. An item is a command, or a mapping with `command` and `mounts` (to mount build secrets).")
        { Example = "run:\n  - curl -o /tmp/x https://example.com/x" },
        new("build", "pre_install", CogYamlValueType.StringList,
            "Commands run before the Python packages are installed. Deprecated: use `build.run`.")
        { DeprecatedInFavourOf = "build.run" },
        new("build", "sdk_version", CogYamlValueType.String,
            "Pins the version of the cog Python package installed in the image (a PEP 440 version such as `0.18.0`, or `prerelease`). Latest stable when absent.")
        { ValueSnippet = "\"${1:0.18.0}\"" },

        new("build.run[]", "command", CogYamlValueType.String, "The shell command to run."),
        new("build.run[]", "mounts", CogYamlValueType.MappingList, "Build secrets mounted while the command runs; each has `type: secret`, an `id` and a `target` path."),
        new("build.run[].mounts[]", "type", CogYamlValueType.String, "The kind of mount; Cog supports only `secret`.") { SuggestedValues = ["secret"] },
        new("build.run[].mounts[]", "id", CogYamlValueType.String, "The id of the secret, as passed to `cog build --secret id=…`."),
        new("build.run[].mounts[]", "target", CogYamlValueType.String, "Where the secret appears in the build container."),

        new("concurrency", "max", CogYamlValueType.Integer,
            $"The most predictions a model instance runs at once (at least 1; above 1 needs Python {MinimumPythonForConcurrency}+). Deprecated: use `@cog.concurrent(max=…)` on an async run method.")
        { DeprecatedInFavourOf = "@cog.concurrent(max=...)" },
        new("concurrency", "default_target", CogYamlValueType.Integer,
            "Listed in Cog's schema as a hint for autoscalers, but Cog's decoder has no field for it: the value is dropped.")
        { IgnoredByCog = true },

        new("weights[]", "name", CogYamlValueType.String, "A unique name for the weights: lowercase letters and digits, separated by `.`, `_` or `-`."),
        new("weights[]", "target", CogYamlValueType.String, "The absolute path where the weights appear in the container; targets must not overlap."),
        new("weights[]", "source", CogYamlValueType.MappingOrMappingList, "Where to import the weights from: one source mapping or a list of them."),
        new("weights[].source", "uri", CogYamlValueType.String, "The location: `hf://…`, `file://…`, `https://…` or a local path."),
        new("weights[].source", "include", CogYamlValueType.StringList, "Glob patterns of files to take (forward slashes, no `!`)."),
        new("weights[].source", "exclude", CogYamlValueType.StringList, "Glob patterns of files to skip (forward slashes, no `!`)."),
    ];

    private static readonly ImmutableDictionary<string, CogYamlKeyInfo> ByPath = Keys.ToImmutableDictionary(k => k.Path, StringComparer.Ordinal);

    public static CogYamlKeyInfo? Find(string path) => ByPath.GetValueOrDefault(path);

    /// <summary>The keys that may appear in the mapping at <paramref name="parent"/>.</summary>
    public static IEnumerable<CogYamlKeyInfo> ChildrenOf(string parent) => Keys.Where(k => k.Parent == parent);

    /// <summary>Whether the mapping at <paramref name="parent"/> is one whose keys the schema knows.</summary>
    public static bool IsKnownMapping(string parent) => parent.Length == 0 || Keys.Any(k => k.Parent == parent);

    /// <summary>The closest known key to a misspelt <paramref name="name"/>, or null when none is close.</summary>
    public static string? Suggest(string parent, string name)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var key in ChildrenOf(parent))
        {
            var distance = Distance(name.ToLowerInvariant(), key.Name);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = key.Name;
            }
        }

        var allowed = Math.Max(1, Math.Min(3, name.Length / 3));
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus swaps of neighbours, the usual typo).</summary>
    internal static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3 || a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
