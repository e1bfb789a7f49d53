using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Projects;

/// <summary>
/// The Cog analyzers' view of the project graph: a requirements file gets the config of the cog.yaml
/// whose build.python_requirements names it directly (the file Cog itself reads and rewrites); the
/// nearest such cog.yaml wins when several do.
/// </summary>
public sealed class ProjectCogConfigProvider : ICogConfigProvider
{
    public static ProjectCogConfigProvider Instance { get; } = new();

    public CogBuildConfig? FindConfigFor(WorkspaceSnapshot workspace, Document requirementsDocument)
    {
        foreach (var cogYamlPath in CogProjectLocator.FindCogYamlsUsing(workspace, requirementsDocument.Path).OrderByDescending(p => p.Length))
        {
            var cogYaml = workspace.GetDocument(cogYamlPath, DocumentKind.CogYaml);
            var config = cogYaml is null ? null : CogProjectLocator.GetBuildConfig(workspace, cogYaml);
            if (config?.RequirementsPath == requirementsDocument.Path)
            {
                return config;
            }
        }

        return null;
    }

    public CogBuildConfig? ReadConfig(WorkspaceSnapshot workspace, Document cogYamlDocument) =>
        CogProjectLocator.GetBuildConfig(workspace, cogYamlDocument);
}
