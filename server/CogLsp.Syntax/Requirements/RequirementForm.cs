namespace CogLsp.Syntax.Requirements;

/// <summary>How a requirement line names what to install.</summary>
public enum RequirementForm
{
    /// <summary>A PEP 508 requirement: a name with optional extras, versions or `@ url`.</summary>
    Named,

    /// <summary>A bare URL (`https://…`, `git+https://…`).</summary>
    Url,

    /// <summary>A bare local path or archive (`./dist/x.whl`).</summary>
    Path,

    /// <summary>`-e`/`--editable` with a VCS URL or a local project path.</summary>
    Editable,
}
