using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Projects;

/// <summary>
/// Finds the cog.yaml settings that apply to a document. The Cog analyzers and features use it so
/// they do not depend on how cog.yaml is located and read (<see cref="CogProjectLocator"/> does that).
/// </summary>
public interface ICogConfigProvider
{
    /// <summary>The config of the cog.yaml whose build.python_requirements names this requirements file, or null.</summary>
    CogBuildConfig? FindConfigFor(WorkspaceSnapshot workspace, Document requirementsDocument);

    /// <summary>The config read from this cog.yaml document, or null when it cannot be read.</summary>
    CogBuildConfig? ReadConfig(WorkspaceSnapshot workspace, Document cogYamlDocument);

    /// <summary>The project directory when a cog.yaml there names <paramref name="requirementsDocument"/> as its python_requirements, else null.</summary>
    string? FindProjectDirectory(WorkspaceSnapshot workspace, Document requirementsDocument) =>
        FindConfigFor(workspace, requirementsDocument) is { } config ? PathUtil.GetDirectory(config.CogYamlPath) : null;
}
