namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// The shapes a cog.yaml value can take, as Cog's Go decoder accepts them (it decodes into typed struct
/// fields, so a value of the wrong shape makes `cog build` fail before anything else runs).
/// </summary>
public enum CogYamlValueType
{
    /// <summary>Any scalar; Go keeps the text as written (`3.10` stays "3.10").</summary>
    String,

    /// <summary>A plain true/false (Go also takes yes/no/on/off/y/n for a boolean field).</summary>
    Boolean,

    /// <summary>A plain whole number.</summary>
    Integer,

    /// <summary>A mapping of known keys.</summary>
    Mapping,

    /// <summary>A list of scalars.</summary>
    StringList,

    /// <summary>build.run: a list whose items are a command string or a mapping with command and mounts.</summary>
    RunList,

    /// <summary>A list of mappings (build.run mounts, weights).</summary>
    MappingList,

    /// <summary>weights[].source: one mapping or a list of mappings.</summary>
    MappingOrMappingList,
}
