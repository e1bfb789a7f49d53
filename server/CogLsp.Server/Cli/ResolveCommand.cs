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
    public static int Run(string project, string os, string arch, string format, TextWriter stdout, TextWriter stderr)
    {
        var directory = PathUtil.Normalize(Path.GetFullPath(project));
        var fileSystem = PhysicalFileSystem.Instance;
        var cogYamlPath = new[] { "cog.yaml", "cog.yml" }.Select(n => PathUtil.Resolve(directory, n)).FirstOrDefault(fileSystem.FileExists);
        if (cogYamlPath is null)
        {
            stderr.WriteLine($"cog-lsp: no cog.yaml in {project}");
            return 1;
        }

        var options = AnalysisOptions.Default with { TargetOs = os, TargetArch = arch };
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
        if (format == "json")
        {
            var (json, code) = ResolveReport.RenderJson(resolution);
            stdout.Write(json.EndsWith('\n') ? json : json + "\n");
            return code;
        }

        var (text, errors, exit) = ResolveReport.RenderText(resolution);
        stdout.Write(text);
        stderr.Write(errors);
        return exit;
    }
}
