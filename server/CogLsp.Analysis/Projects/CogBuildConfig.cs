using System.Collections.Immutable;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Projects;

/// <summary>
/// The part of cog.yaml that decides what Cog installs, as Cog decodes it (strings keep their text:
/// Cog reads `python_version: 3.10` as "3.10"). Produced from the positioned cog.yaml model; consumed
/// by the resolver. Each value's span in cog.yaml is kept so diagnostics about it can point there.
/// </summary>
public sealed record CogBuildConfig
{
    /// <summary>Path of the cog.yaml this came from (absolute, '/' separators).</summary>
    public required string CogYamlPath { get; init; }

    public string? PythonVersion { get; init; }

    /// <summary>
    /// False when cog.yaml has no build section (or an empty one written as null). Cog checks build
    /// settings only when the section is there (validate.go validateBuild): without it, even a missing
    /// python_version passes validation.
    /// </summary>
    public bool HasBuildSection { get; init; } = true;

    public bool Gpu { get; init; }

    public string? Cuda { get; init; }

    public string? Cudnn { get; init; }

    /// <summary>The top-level environment items (`NAME=value`), as Cog decodes them; empty when there are none.</summary>
    public ImmutableArray<string> Environment { get; init; } = [];

    /// <summary>The deprecated build.python_packages list; default (not IsDefault-empty) when the key is absent.</summary>
    public ImmutableArray<string> PythonPackages { get; init; }

    public ImmutableArray<TextSpan> PythonPackageSpans { get; init; } = [];

    /// <summary>build.python_requirements as written (relative to cog.yaml's folder), or null.</summary>
    public string? PythonRequirements { get; init; }

    public ImmutableArray<string> SystemPackages { get; init; } = [];

    /// <summary>build.sdk_version (the cog SDK version Cog installs), or null.</summary>
    public string? SdkVersion { get; init; }

    /// <summary>
    /// Spans in cog.yaml of the values above, keyed by their path: "build.python_version", "build.gpu",
    /// "build.cuda", "build.cudnn", "build.python_requirements", "build.python_packages", "build.system_packages".
    /// A key absent here was not written in the file.
    /// </summary>
    public ImmutableDictionary<string, TextSpan> Spans { get; init; } = ImmutableDictionary<string, TextSpan>.Empty;

    /// <summary>What stops `cog build` in this cog.yaml before and around the build section (<see cref="CogBuildStoppers"/>), in Cog's order.</summary>
    public ImmutableArray<CogBuildStopper> Stoppers { get; init; } = [];

    /// <summary>The absolute path python_requirements points to, or null.</summary>
    public string? RequirementsPath =>
        PythonRequirements is null ? null : Workspace.PathUtil.Resolve(Workspace.PathUtil.GetDirectory(CogYamlPath), PythonRequirements);
}
