using System.Globalization;
using System.Text;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// What `cog build` would make of a project, before it builds: the resolution `cog-lsp resolve` prints,
/// the one-line summary the code lens shows, and the preview document (Markdown) the `cogLsp.preview`
/// command returns. Invariant: the preview's requirements block is <see cref="GeneratedRequirements"/>
/// of <see cref="Resolve"/>, the very text `cog-lsp resolve` writes on stdout, so the two cannot drift.
/// </summary>
public static class CogBuildPreview
{
    /// <summary>The heading of the preview section that holds the generated requirements file (tests find the block after it).</summary>
    public const string RequirementsHeading = "## The requirements.txt Cog generates";

    /// <summary>
    /// The project's resolution as `cog build` meets it: Cog's resolution of the config (shared with the
    /// diagnostics through <see cref="CogResolutionCache"/>), then the local artifacts Cog stages, which
    /// stop the build when one is missing. Memoised per snapshot: the code lenses of both files and the
    /// preview share it.
    /// </summary>
    public static CogResolution Resolve(WorkspaceSnapshot workspace, CogBuildConfig config)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(config);
        return workspace.GetOrAdd(("cog-build-resolution", config), w => CogBuildStoppers.AtGenerator(w, config, CogResolutionCache.Get(w, config)));
    }

    /// <summary>The requirements file Cog writes and installs, one line per entry, each ended by "\n" ("" when it writes none).</summary>
    public static string GeneratedRequirements(CogResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var text = new StringBuilder();
        foreach (var line in resolution.RequirementLines)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>How many packages the generated file installs: its lines that are not index or find-links options.</summary>
    public static int PackageCount(CogResolution resolution) =>
        resolution.RequirementLines.Count(l => !l.StartsWith('-') || l.StartsWith("-e", StringComparison.Ordinal) || l.StartsWith("--editable", StringComparison.Ordinal));

    /// <summary>
    /// One line for the code lens: "Cog: Python 3.11 · CUDA 12.1 · cuDNN 8 · 14 packages · nvidia/cuda:…"
    /// (no CUDA parts for a CPU build), or "Cog: the build fails: …" with the first line of Cog's error.
    /// </summary>
    public static string Summary(CogResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        if (resolution.Error is { } error)
        {
            var first = error.Split('\n')[0].Trim();
            return "Cog: the build fails: " + (first.Length > 120 ? first[..119] + "…" : first);
        }

        var parts = new List<string>();
        if (!string.IsNullOrEmpty(resolution.PythonVersion))
        {
            parts.Add("Python " + resolution.PythonVersion);
        }

        if (resolution.Cuda is not null)
        {
            parts.Add("CUDA " + resolution.Cuda);
        }

        if (resolution.Cudnn is not null)
        {
            parts.Add("cuDNN " + resolution.Cudnn);
        }

        var packages = PackageCount(resolution);
        parts.Add(packages == 1 ? "1 package" : packages.ToString(CultureInfo.InvariantCulture) + " packages");
        if (resolution.BaseImage is not null)
        {
            parts.Add(resolution.BaseImage);
        }

        return "Cog: " + string.Join(" · ", parts);
    }

    /// <summary>
    /// The cog.yaml whose build <paramref name="document"/> belongs to: itself for a cog.yaml; for a
    /// requirements file, the nearest cog.yaml naming it in build.python_requirements, else the nearest one
    /// reaching it through -r/-c includes; null when no cog.yaml uses it.
    /// </summary>
    public static Document? FindCogYaml(WorkspaceSnapshot workspace, Document document)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(document);
        if (document.Kind == DocumentKind.CogYaml)
        {
            return document;
        }

        var path = ProjectCogConfigProvider.Instance.FindConfigFor(workspace, document)?.CogYamlPath
            ?? CogProjectLocator.FindCogYamlsUsing(workspace, document.Path).OrderByDescending(p => p.Length).FirstOrDefault();
        return path is null ? null : workspace.GetDocument(path, DocumentKind.CogYaml);
    }

    /// <summary>The preview of <paramref name="cogYaml"/>; when it cannot be read as a mapping, a preview that says why and where.</summary>
    public static string Preview(WorkspaceSnapshot workspace, Document cogYaml)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(cogYaml);
        if (CogProjectLocator.GetBuildConfig(workspace, cogYaml) is { } config)
        {
            return Render(workspace, cogYaml, config);
        }

        var syntax = CogYaml.YamlSyntaxAnalyzer.FindFirstError(cogYaml);
        var where = syntax is null ? string.Empty : $" (line {(cogYaml.Text.GetLinePosition(syntax.Value.Span.Start).Line + 1).ToString(CultureInfo.InvariantCulture)}: {syntax.Value.Message})";
        return $"# Cog build preview: {PathUtil.GetFileName(cogYaml.Path)}\n\n**The build fails.** `{cogYaml.Path}` cannot be read as a mapping{where}, so Cog stops before it resolves anything.\n";
    }

    /// <summary>The preview document for the cog.yaml <paramref name="cogYaml"/> (Markdown; see the type's invariant).</summary>
    public static string Render(WorkspaceSnapshot workspace, Document cogYaml, CogBuildConfig config)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(cogYaml);
        ArgumentNullException.ThrowIfNull(config);
        var resolution = Resolve(workspace, config);
        var text = new StringBuilder();
        var source = resolution.FromPythonPackages ? "build.python_packages" : config.PythonRequirements ?? "no requirements file";
        text.Append("# Cog build preview: ").Append(PathUtil.GetFileName(cogYaml.Path)).Append("\n\n");
        text.Append("What `cog build` would make of `").Append(cogYaml.Path).Append("` and ").Append(resolution.FromPythonPackages || config.PythonRequirements is null ? source : "`" + source + "`")
            .Append(", predicted with the rules of Cog ").Append(Short(resolution.TableCommit)).Append(" (tables of ").Append(resolution.TableDate)
            .Append("). Nothing is built or downloaded.\n\n");
        if (resolution.Error is not null)
        {
            text.Append("**The build fails.** Cog stops with:\n\n```text\n").Append(resolution.Error.TrimEnd('\n')).Append("\n```\n\n");
        }

        // The order of the issue that asked for it: what pip installs first, then the image, the warnings, the steps.
        AppendRequirements(text, resolution);
        AppendImage(text, resolution, config);
        AppendWarnings(text, resolution);
        CogBuildSteps.Append(text, cogYaml, config, resolution);
        return text.ToString();
    }

    private static void AppendImage(StringBuilder text, CogResolution resolution, CogBuildConfig config)
    {
        text.Append("## Image\n\n");
        text.Append("- Python: ").Append(resolution.PythonVersion ?? "(not set)").Append('\n');
        text.Append("- GPU: ").Append(config.Gpu ? "yes" : "no (a CPU build)").Append('\n');
        if (config.Gpu)
        {
            text.Append("- CUDA: ").Append(resolution.Cuda ?? "(not decided)");
            if (resolution.Cuda is not null)
            {
                text.Append(" (").Append(CogExplanations.CudaSource(resolution.CudaSource)).Append(')');
            }

            text.Append('\n');
            text.Append("- cuDNN: ").Append(resolution.Cudnn ?? "(not decided)").Append('\n');
        }

        text.Append("- Base image: ").Append(resolution.BaseImage is null ? "(none: the build fails first)" : "`" + resolution.BaseImage + "`").Append('\n');
        if (resolution.CogBaseImage is not null)
        {
            text.Append("- Cog's pre-built base: `").Append(resolution.CogBaseImage).Append("` (Cog starts from it instead when its registry has it)\n");
        }

        text.Append('\n');
    }

    private static void AppendWarnings(StringBuilder text, CogResolution resolution)
    {
        text.Append("## Cog's warnings\n\n");
        if (resolution.Warnings.IsEmpty)
        {
            text.Append("None.\n\n");
            return;
        }

        foreach (var warning in resolution.Warnings)
        {
            text.Append("- ").Append(warning.Text.Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
        }

        text.Append('\n');
    }

    private static void AppendRequirements(StringBuilder text, CogResolution resolution)
    {
        text.Append(RequirementsHeading).Append("\n\n");
        text.Append("Index options first, then the packages, with Cog's rewrites applied: the file `cog-lsp resolve` prints.\n\n");
        text.Append("```text\n").Append(GeneratedRequirements(resolution)).Append("```\n\n");

        var notes = new StringBuilder();
        foreach (var line in resolution.Lines)
        {
            if (Note(line) is { } note)
            {
                var where = line.Line.FromPythonPackages
                    ? $"build.python_packages[{line.Index.ToString(CultureInfo.InvariantCulture)}]"
                    : $"line {(line.Line.FirstLine + 1).ToString(CultureInfo.InvariantCulture)}";
                notes.Append("# ").Append(where).Append(": ").Append(line.Line.Text).Append('\n');
                notes.Append("#   ").Append(note).Append('\n');
            }
        }

        if (notes.Length > 0)
        {
            text.Append("The lines Cog dropped or changed, and why:\n\n```text\n").Append(notes).Append("```\n\n");
        }
    }

    /// <summary>Why a line's place in the generated file differs from the line as written; null when Cog wrote it as read.</summary>
    private static string? Note(CogLineResolution line)
    {
        var reason = line.Reason is null ? string.Empty : " (" + line.Reason.TrimEnd('.') + ")";
        switch (line.Action)
        {
            case CogLineAction.Dropped:
                return "dropped" + reason;
            case CogLineAction.Refused:
                return "refused: the build fails on this line" + reason;
            case CogLineAction.LocalArtifact:
                return "written as " + (line.Output is null ? "nothing" : "`" + line.Output + "`") + reason;
        }

        var indexes = line.ExtraIndexUrls.Select(u => "--extra-index-url " + u).Concat(line.FindLinks.Select(u => "--find-links " + u)).ToList();
        var installs = line.InstalledVersion is not null && line.InstalledVersion != line.RequestedVersion;
        if (!line.Changed && indexes.Count == 0 && !installs)
        {
            return null;
        }

        var note = new StringBuilder(line.Changed ? "written as `" + line.Output + "`" : "kept");
        if (indexes.Count > 0)
        {
            note.Append(", with `").Append(string.Join("`, `", indexes)).Append("` at the top");
        }

        if (installs)
        {
            note.Append("; pip installs ").Append(line.Package).Append(' ').Append(line.InstalledVersion);
        }

        return note.Append(reason).ToString();
    }

    private static string Short(string commit) => commit.Length > 8 ? commit[..8] : commit;
}
