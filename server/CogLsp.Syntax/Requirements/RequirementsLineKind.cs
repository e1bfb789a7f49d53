namespace CogLsp.Syntax.Requirements;

/// <summary>What pip makes of a logical line.</summary>
public enum RequirementsLineKind
{
    /// <summary>Blank or comment only; pip skips it.</summary>
    Empty,

    /// <summary>Names something to install (a PEP 508 requirement, a URL, a path, or `-e`).</summary>
    Requirement,

    /// <summary>Options only (index URLs, includes, flags).</summary>
    Options,
}
