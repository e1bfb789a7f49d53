using CogLsp.Analysis;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Server.Cli;

/// <summary>
/// `cog-lsp resolve --project DIR`: prints the requirements file Cog would install for the project (index
/// and find-links lines first), and on stderr the CUDA, cuDNN and base image it picked. The same
/// resolution the editor's diagnostics and hovers show (CogResolutionCache over a workspace snapshot).
/// </summary>
public static class ResolveCommand
{
    public static int Run(string project, string os, string arch, string format, TextWriter stdout, TextWriter stderr) =>
        RunAsync(project, os, arch, format, CliApp.OnlineChoice.Offline, stdout, stderr).GetAwaiter().GetResult();

    /// <summary>As <see cref="Run"/>; with `--online`, also the version and file pip picks for every requirement.</summary>
    internal static async Task<int> RunAsync(string project, string os, string arch, string format, CliApp.OnlineChoice online, TextWriter stdout, TextWriter stderr)
    {
        var directory = PathUtil.Normalize(Path.GetFullPath(project));
        var fileSystem = PhysicalFileSystem.Instance;
        var cogYamlPath = new[] { "cog.yaml", "cog.yml" }.Select(n => PathUtil.Resolve(directory, n)).FirstOrDefault(fileSystem.FileExists);
        if (cogYamlPath is null)
        {
            stderr.WriteLine($"cog-lsp: no cog.yaml in {project}");
            return 1;
        }

        if (online.Apply(AnalysisOptions.Default with { TargetOs = os, TargetArch = arch }, stderr) is not { } options)
        {
            return 2;
        }

        var workspace = WorkspaceSnapshot.Create(fileSystem, [directory], options);
        var cogYaml = workspace.GetDocument(cogYamlPath, DocumentKind.CogYaml)!;
        var config = CogProjectLocator.GetBuildConfig(workspace, cogYaml);
        if (config is null)
        {
            var syntax = CogLsp.Analysis.CogYaml.YamlSyntaxAnalyzer.FindFirstError(cogYaml);
            var where = syntax is null ? string.Empty : $":{cogYaml.Text.GetLinePosition(syntax.Value.Span.Start).Line + 1}";
            stderr.WriteLine($"cog-lsp: {cogYamlPath}{where}: cannot read cog.yaml{(syntax is null ? " (it is not a mapping)" : ": " + syntax.Value.Message)}");
            return 1;
        }

        // The build preview resolves through the same call, so its requirements section is this output.
        var resolution = CogBuildPreview.Resolve(workspace, config);
        IReadOnlyList<OnlineResolveReport.Row>? picks = null;
        Analysis.Indexes.ImageTarget? target = null;
        if (online.Online && config.RequirementsPath is { } requirementsPath && workspace.GetDocument(requirementsPath, DocumentKind.Requirements) is { } requirements)
        {
            using var client = OnlineIndexes.CreateClient();
            workspace = await OnlineIndexes.FetchAsync(workspace, [requirements], client).ConfigureAwait(false);
            picks = OnlineResolveReport.Rows(workspace, requirements);
            target = Analysis.Indexes.IndexLookups.Plan(workspace, requirements)?.Target;
        }

        if (format == "json")
        {
            var (json, code) = ResolveReport.RenderJson(resolution);
            if (picks is not null && System.Text.Json.Nodes.JsonNode.Parse(json) is System.Text.Json.Nodes.JsonObject report)
            {
                report["picks"] = OnlineResolveReport.RenderJson(picks);
                json = report.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
            }

            stdout.Write(json.EndsWith('\n') ? json : json + "\n");
            return code;
        }

        var (text, errors, exit) = ResolveReport.RenderText(resolution);
        stdout.Write(text);
        stderr.Write(errors);
        if (picks is not null)
        {
            stderr.Write(OnlineResolveReport.RenderText(picks, target));
        }

        return exit;
    }
}
