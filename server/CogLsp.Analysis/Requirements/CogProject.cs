using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// Finds the Cog project a requirements file belongs to: the nearest cog.yaml above it whose
/// `python_requirements` names this file, as the project graph finds it. Cog's own rules for the file
/// (local artifacts, local includes) apply only then.
/// </summary>
public static class CogProject
{
    /// <summary>The project directory when a cog.yaml there names <paramref name="document"/> as its python_requirements, else null.</summary>
    public static string? FindRootNaming(WorkspaceSnapshot workspace, Document document) =>
        Cog.ProjectCogConfigProvider.Instance.FindConfigFor(workspace, document) is { } config ? PathUtil.GetDirectory(config.CogYamlPath) : null;
}
