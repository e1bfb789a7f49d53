using System.Collections.Immutable;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// One key of cog.yaml as Cog at commit 6110c912 reads it. <see cref="Parent"/> is the path of the
/// mapping it lives in ("" for the top level, "build", "build.run[]" for an item of build.run, …).
/// </summary>
public sealed record CogYamlKeyInfo(string Parent, string Name, CogYamlValueType Type, string Summary)
{
    /// <summary>The dotted path of the key, e.g. "build.python_version".</summary>
    public string Path => Parent.Length == 0 ? Name : Parent + "." + Name;

    /// <summary>Values offered by completion (the first is the usual choice).</summary>
    public ImmutableArray<string> SuggestedValues { get; init; } = [];

    /// <summary>What to use instead when Cog deprecates this key; null when it is current.</summary>
    public string? DeprecatedInFavourOf { get; init; }

    /// <summary>True when Cog's schema lists the key but its decoder has no field for it, so the value is dropped.</summary>
    public bool IgnoredByCog { get; init; }

    /// <summary>An LSP snippet for the value (after "key: "), or null to insert just the key.</summary>
    public string? ValueSnippet { get; init; }

    /// <summary>A short example for hovers.</summary>
    public string? Example { get; init; }
}
