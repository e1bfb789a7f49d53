namespace CogLsp.Analysis.Requirements;

/// <summary>
/// Versions known for a package, for completion after `==`. The resolver slice supplies a real one
/// (e.g. Cog's torch/tensorflow tables); by default nothing is known.
/// </summary>
public interface IVersionSource
{
    /// <summary>Known versions of the package with this PEP 503 normalized name, newest first.</summary>
    IReadOnlyList<string> GetVersions(string normalizedName);
}
