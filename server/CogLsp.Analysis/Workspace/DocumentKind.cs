namespace CogLsp.Analysis.Workspace;

/// <summary>The file formats the product understands. A second dependency format becomes a new member here and a new module.</summary>
public enum DocumentKind
{
    Unknown,
    CogYaml,
    Requirements,
}
