namespace CogLsp.Analysis.Cog;

/// <summary>
/// The package names and pip options Cog's rules single out, each list written once. Names are compared
/// as Cog compares them: exactly (case-sensitive, no normalisation), except where a caller says otherwise.
/// </summary>
public static class CogPackages
{
    /// <summary>The frameworks Cog's rewrite and CUDA choice look at (exact, lower-case names).</summary>
    public static IReadOnlyList<string> Frameworks { get; } = ["torch", "torchvision", "tensorflow"];

    /// <summary>
    /// The packages Cog writes back at the end of the requirements when its rewrite removed their line
    /// (PythonRequirementsForArch's includes), in Cog's order; also the packages with builds in its table.
    /// </summary>
    public static IReadOnlyList<string> TablePackages { get; } = ["torch", "torchvision", "torchaudio", "tensorflow"];

    /// <summary>The packages Cog installs itself and removes from the user's requirements (filterManagedPackages).</summary>
    public static IReadOnlyList<string> Managed { get; } = ["cog", "coglet"];

    /// <summary>The pip options that add a place to look for packages (an index or a find-links location).</summary>
    public static IReadOnlyList<string> IndexOptions { get; } = ["--extra-index-url", "--index-url", "-i", "--find-links", "-f"];

    public static bool IsFramework(string name) => Frameworks.Contains(name);

    /// <summary>True for torch, torchvision and torchaudio: the PyTorch packages whose builds come from PyTorch's indexes.</summary>
    public static bool IsPyTorchPackage(string? name) => name is not null && name != "tensorflow" && TablePackages.Contains(name);

    public static bool IsManaged(string baseName) => Managed.Contains(baseName);

    /// <summary>
    /// Cog's filterManagedPackages test on a line of the requirements it generates: "cog" or "coglet" when
    /// the line (white space trimmed, not blank, a comment or an option) starts with that package name,
    /// in any case and with or without extras; null when Cog keeps the line. A line it removes never
    /// reaches pip.
    /// </summary>
    public static string? ManagedPackageOf(string line)
    {
        var trimmed = GoStrings.TrimSpace(line);
        if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith('-'))
        {
            return null;
        }

        var baseName = CogRequirementSyntax.PackageName(trimmed).Split('[')[0].ToLowerInvariant();
        return IsManaged(baseName) ? baseName : null;
    }

    /// <summary>The index option <paramref name="text"/> starts with (as Cog's prefix tests read it), or null.</summary>
    public static string? IndexOptionAtStart(string text)
    {
        foreach (var option in IndexOptions)
        {
            if (text.StartsWith(option, StringComparison.Ordinal))
            {
                return option;
            }
        }

        return null;
    }

    /// <summary>True for --find-links and -f, which name a location rather than an index.</summary>
    public static bool IsFindLinks(string option) => option is "--find-links" or "-f";
}
