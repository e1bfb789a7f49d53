namespace CogLsp.Analysis.Cog;

/// <summary>
/// Where in Cog's build a stopper stops it, in the order Cog runs the steps (pkg/config load.go Load,
/// then the Dockerfile generator). Within validation, Cog collects every error and joins them in
/// ValidateConfigFile's order: schema, predict/run, train, build (the resolver's own checks),
/// environment, concurrency, model, weights.
/// </summary>
public enum CogBuildPhase
{
    /// <summary>yaml.Unmarshal failed: a syntax error or a value Go cannot decode into its field. Nothing else runs.</summary>
    Parse,

    /// <summary>
    /// validateSchema: the JSON schema check of the decoded config. Cog prints one schema error, the most
    /// specific (deepest field) of all, before every validation error.
    /// </summary>
    Schema,

    /// <summary>validatePredict and validateTrain: joined before the build section's errors.</summary>
    ValidateBeforeBuild,

    /// <summary>validateEnvironment, validateConcurrency, validateModel and validateWeights: joined after the build section's errors.</summary>
    ValidateAfterBuild,

    /// <summary>ResolveLocalPackageArtifacts, run by the generator after Load succeeded.</summary>
    Generator,
}
