using System.Globalization;
using System.Text;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// The Dockerfile steps Cog 6110c912 adds for a project (pkg/dockerfile/standard_generator.go,
/// GenerateInitialSteps), told in our words, with the command Cog runs where it is the user's or a fixed
/// one worth seeing. Order, as the generator writes it: base image, Cog's setup, the environment,
/// system packages, Python, the generated requirements, Cog's SDK, then build.run and the deprecated
/// build.pre_install commands. Steps that depend on things only a real build knows (the registry, the
/// SDK release, COG_* variables) are described, not predicted.
/// </summary>
internal static class CogBuildSteps
{
    /// <summary>Where Cog copies the generated requirements inside the image (writeTemp).</summary>
    private const string ContainerRequirements = "/tmp/requirements.txt";

    public static void Append(StringBuilder text, Document cogYaml, CogBuildConfig config, CogResolution resolution)
    {
        text.Append("## Dockerfile steps Cog adds\n\n");
        if (resolution.Error is not null)
        {
            text.Append("None: the build stops before Cog writes a Dockerfile.\n");
            return;
        }

        var steps = new List<string>();
        var image = resolution.BaseImage ?? "(unknown)";
        steps.Add(resolution.CogBaseImage is null
            ? $"Start from `{image}`."
            : $"Start from `{resolution.CogBaseImage}` when Cog's registry has it (Python and uv are already there), else from `{image}`.");
        steps.Add("Cog's own setup: environment variables for Python output and the NVIDIA libraries, and tini as the container's init process.");
        foreach (var variable in config.Environment)
        {
            steps.Add($"Set `{variable}` (from cog.yaml's environment).");
        }

        if (!config.SystemPackages.IsEmpty)
        {
            steps.Add($"Install the system packages with apt: `apt-get install -qqy {string.Join(' ', config.SystemPackages)}`.");
        }

        steps.Add(config.Gpu && resolution.BaseImage is { } b && b.StartsWith("nvidia/cuda:", StringComparison.Ordinal)
            ? $"Install Python {resolution.PythonVersion} with uv on the CUDA image: `uv python install {resolution.PythonVersion}`, linked as python3 and python."
            : $"Python {resolution.PythonVersion} comes with the image; Cog adds uv.");

        if (resolution.RequirementLines.IsEmpty)
        {
            steps.Add("No Python packages to install: the generated requirements file is empty.");
        }
        else
        {
            if (resolution.Lines.Any(l => l.Action == CogLineAction.LocalArtifact))
            {
                steps.Add("Copy the local package artifacts the requirements name into the image.");
            }

            var count = CogBuildPreview.PackageCount(resolution);
            steps.Add($"Copy the generated requirements.txt to `{ContainerRequirements}` and install its {count.ToString(CultureInfo.InvariantCulture)} package{(count == 1 ? "" : "s")}: `uv run pip install --cache-dir /root/.cache/pip -r {ContainerRequirements}`.");
        }

        steps.Add(config.SdkVersion is { Length: > 0 } sdk
            ? $"Install Cog's Python SDK at build.sdk_version {sdk} (Cog removed any cog or coglet lines from your requirements for it)."
            : "Install Cog's Python SDK, the newest release (Cog removed any cog or coglet lines from your requirements for it).");
        steps.Add("Refresh the dynamic linker's cache for the Python libraries (`ldconfig`).");

        var (run, preInstall, error) = RunCommands(cogYaml);
        foreach (var command in run)
        {
            steps.Add($"Run {command} (build.run).");
        }

        foreach (var command in preInstall)
        {
            steps.Add($"Run `{command}` (build.pre_install, deprecated: Cog runs it after build.run).");
        }

        for (var i = 0; i < steps.Count; i++)
        {
            text.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(". ").Append(steps[i]).Append('\n');
        }

        if (error is not null)
        {
            text.Append('\n').Append(error).Append('\n');
        }
    }

    /// <summary>
    /// build.run (strings, or mappings with command and secret mounts) and build.pre_install as Cog writes
    /// them into RUN lines: trimmed (in backquotes), secret mounts said after. A command with a line break stops Cog's
    /// generator; then the error says so and no command after it is listed.
    /// </summary>
    private static (List<string> Run, List<string> PreInstall, string? Error) RunCommands(Document cogYaml)
    {
        var run = new List<string>();
        var preInstall = new List<string>();
        var build = CogYamlTree.Lookup(CogYamlTree.Model(cogYaml).Root, "build")?.Value;
        if (CogYamlTree.Resolve(CogYamlTree.Lookup(build, "run")?.Value) is YamlSequence items)
        {
            foreach (var item in items.Items)
            {
                var (command, mounts) = CogYamlTree.Resolve(item) switch
                {
                    YamlScalar scalar => (CogYamlTree.GoString(scalar) ?? string.Empty, string.Empty),
                    YamlMapping mapping => (CogYamlTree.GoString(CogYamlTree.Lookup(mapping, "command")?.Value) ?? string.Empty, SecretMounts(mapping)),
                    _ => (string.Empty, string.Empty),
                };
                if (Check(command.Trim()) is { } error)
                {
                    return (run, preInstall, error);
                }

                run.Add("`" + command.Trim() + "`" + mounts);
            }
        }

        foreach (var (value, _) in CogYamlTree.GoStringList(CogYamlTree.Lookup(build, "pre_install")?.Value) ?? [])
        {
            if (Check(value.Trim()) is { } error)
            {
                return (run, preInstall, error);
            }

            preInstall.Add(value.Trim());
        }

        return (run, preInstall, null);
    }

    private static string? Check(string command) =>
        command.Contains('\n', StringComparison.Ordinal)
            ? $"Cog's generator stops at the command `{command.Split('\n')[0]} …`: a run command must be one line (each command its own list item)."
            : null;

    private static string SecretMounts(YamlMapping item)
    {
        if (CogYamlTree.Resolve(CogYamlTree.Lookup(item, "mounts")?.Value) is not YamlSequence mounts)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var mount in mounts.Items)
        {
            if (CogYamlTree.GoString(CogYamlTree.Lookup(mount, "type")?.Value) == "secret")
            {
                text.Append(", with the secret `").Append(CogYamlTree.GoString(CogYamlTree.Lookup(mount, "id")?.Value))
                    .Append("` mounted at `").Append(CogYamlTree.GoString(CogYamlTree.Lookup(mount, "target")?.Value)).Append('`');
            }
        }

        return text.ToString();
    }
}
