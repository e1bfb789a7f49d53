namespace CogLsp.Syntax.Requirements;

/// <summary>Where an option has an effect in a requirements file.</summary>
public enum OptionScope
{
    /// <summary>Applies to the whole install (index URLs, find-links, flags); ignored on a requirement line.</summary>
    Global,

    /// <summary>`-r` and `-c`: read another file.</summary>
    Include,

    /// <summary>`-e`: an editable requirement.</summary>
    Editable,

    /// <summary>Applies to the requirement on the same line (`--hash`, `--config-settings`, `--global-option`).</summary>
    PerRequirement,
}
