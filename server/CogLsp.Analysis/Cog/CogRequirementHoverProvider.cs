using System.Text;
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

        if (line.Reason is not null)
        {
            text.Append('\n').Append(line.Reason).Append('\n');
        }

        text.Append("\n_Rules and table of Cog ").Append(resolution.TableCommit.Length > 8 ? resolution.TableCommit[..8] : resolution.TableCommit).Append(" (").Append(resolution.TableDate).Append(")._");
        return text.ToString();
    }
}
