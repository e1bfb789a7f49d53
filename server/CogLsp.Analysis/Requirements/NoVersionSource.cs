namespace CogLsp.Analysis.Requirements;

/// <summary>The default <see cref="IVersionSource"/>: knows no versions.</summary>
public sealed class NoVersionSource : IVersionSource
{
    public static NoVersionSource Instance { get; } = new();

    public IReadOnlyList<string> GetVersions(string normalizedName) => [];
}
