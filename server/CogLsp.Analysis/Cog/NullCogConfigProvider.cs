using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Cog;

/// <summary>A provider that finds no config: the Cog analyzers then report nothing. Placeholder until a locator is wired.</summary>
public sealed class NullCogConfigProvider : ICogConfigProvider
{
    public static NullCogConfigProvider Instance { get; } = new();

    public CogBuildConfig? FindConfigFor(WorkspaceSnapshot workspace, Document requirementsDocument) => null;

    public CogBuildConfig? ReadConfig(WorkspaceSnapshot workspace, Document cogYamlDocument) => null;
}
