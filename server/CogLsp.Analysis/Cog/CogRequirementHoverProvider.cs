using System.Text;
using CogLsp.Analysis.Cog.Gpu;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Cog;

/// <summary>Hover on a requirement line: what Cog will install for it (package, full version, index, CUDA/cuDNN, Python tag, platform, base image, provenance).</summary>
public sealed class CogRequirementHoverProvider(ICogConfigProvider configs) : IHoverProvider
{
    public DocumentKind Kind => DocumentKind.Requirements;

    public HoverResult? GetHover(FeatureContext context, int offset)
    {
        var config = configs.FindConfigFor(context.Workspace, context.Document);
        if (config is null)
        {
            return null;
        }

        var resolution = CogResolutionCache.Get(context.Workspace, config);
        var line = resolution.Lines.FirstOrDefault(l => l.Span.Start <= offset && offset <= l.Span.End);
        if (line is null || line.Span.End > context.Document.Text.Length)
        {
            return null;
        }

        return new HoverResult(Render(resolution, line, context.Workspace.Options), line.Span);
    }

    public static string Render(CogResolution resolution, CogLineResolution line, AnalysisOptions options)
    {
        var text = new StringBuilder();
        text.Append("**Cog installs** `").Append(line.Output ?? "(nothing: removed)").Append("`\n\n");
        if (line.Package is not null)
        {
            text.Append("- package: `").Append(line.Package).Append("`\n");
        }

        if (line.InstalledVersion is not null)
        {
            text.Append("- version: `").Append(line.InstalledVersion).Append("` (inferred from Cog's table)\n");
        }

        foreach (var url in line.ExtraIndexUrls)
        {
            text.Append("- index: ").Append(url).Append('\n');
        }

        foreach (var link in line.FindLinks)
        {
            text.Append("- find-links: ").Append(link).Append('\n');
        }

        if (resolution.Cuda is not null)
        {
            text.Append("- CUDA ").Append(line.BuildCuda ?? resolution.Cuda).Append(", cuDNN ").Append(resolution.Cudnn).Append('\n');
        }

        var cp = CogResolver.CPythonTag(resolution.PythonVersion);
        if (cp is not null)
        {
            text.Append("- Python tag: `").Append(cp).Append("`, platform ").Append(options.TargetOs).Append('/').Append(options.TargetArch).Append('\n');
        }

        if (cp is not null && line.InstalledVersion is not null && line.TorchRow is not null && options.TargetOs == "linux")
        {
            var platform = options.TargetArch == "arm64" ? "manylinux_2_28_aarch64" : "linux_x86_64";
            text.Append("- wheel (inferred): `").Append(line.Package).Append('-').Append(line.InstalledVersion.Replace("+", "%2B", StringComparison.Ordinal))
                .Append('-').Append(cp).Append('-').Append(cp).Append('-').Append(platform).Append(".whl`\n");
        }

        if (resolution.BaseImage is not null)
        {
            text.Append("- base image: `").Append(resolution.BaseImage).Append("`\n");
        }

        AppendTargets(text, resolution, line, options);
        if (line.Reason is not null)
        {
            text.Append('\n').Append(line.Reason).Append('\n');
        }

        text.Append('\n').Append(Provenance(resolution.TableCommit, resolution.TableDate, options));
        return text.ToString();
    }

    /// <summary>
    /// The line that says which Cog the rules follow, and, when `cog --version` on this machine names
    /// another release, that one too (its decisions may differ from what is shown).
    /// </summary>
    public static string Provenance(string commit, string date, AnalysisOptions options)
    {
        var text = $"_Rules and table of Cog {(commit.Length > 8 ? commit[..8] : commit)} ({CogReleases.RulesVersion}, {date})";
        if (options.InstalledCogVersion is { } installed && CogReleases.DiffersFromRules(installed))
        {
            text += $"; the cog installed here is {installed}, which may decide differently";
        }

        return text + "._";
    }

    /// <summary>On the torch line of a GPU build with target GPUs: which targets the wheel runs on, and the floor of each it does not.</summary>
    private static void AppendTargets(StringBuilder text, CogResolution resolution, CogLineResolution line, AnalysisOptions options)
    {
        if (options.TargetGpus.IsDefaultOrEmpty || resolution.Cuda is null || TorchWheel.Of(resolution) is not { } wheel || wheel.Line.Index != line.Index)
        {
            return;
        }

        var runs = new List<string>();
        var fails = new List<string>();
        foreach (var target in options.TargetGpus.DistinctBy(t => t.Display).OrderBy(t => t.Capability))
        {
            if (GpuFloors.Failed(target.Capability, wheel.Version, wheel.Cuda) is { } floor)
            {
                fails.Add($"{target.Display} (needs torch >= {floor.MinTorch}, CUDA >= {floor.MinCuda})");
            }
            else
            {
                runs.Add(target.Display + (GpuFloors.For(target.Capability) is null ? " (no floor known below sm_90)" : string.Empty));
            }
        }

        if (runs.Count > 0)
        {
            text.Append("- runs on: ").Append(string.Join(", ", runs)).Append('\n');
        }

        if (fails.Count > 0)
        {
            text.Append("- no kernels for: ").Append(string.Join(", ", fails)).Append('\n');
        }
    }
}
