using System.Collections.Immutable;
using CogLsp.Analysis.Requirements;
using CogLsp.Syntax.Pep440;

namespace CogLsp.Analysis.Cog;

/// <summary>Versions Cog's compatibility table knows for torch, torchvision, torchaudio and tensorflow (newest first), for completion after `==`.</summary>
public sealed class CogTableVersionSource(CompatibilityTable? table = null) : IVersionSource
{
    private readonly Lazy<ImmutableDictionary<string, ImmutableArray<string>>> _versions = new(() => Build(table ?? CompatibilityTable.Default));

    public IReadOnlyList<string> GetVersions(string normalizedName) =>
        _versions.Value.TryGetValue(normalizedName, out var versions) ? versions : [];

    /// <summary>Distinct versions without their local tags, newest first by PEP 440 order.</summary>
    public static ImmutableArray<string> Ordered(IEnumerable<string> versions) =>
        versions.Where(v => !string.IsNullOrEmpty(v))
            .Select(v => v.Split('+')[0])
            .Distinct(StringComparer.Ordinal)
            .Select(v => (Text: v, Ok: Pep440Version.TryParse(v, out var parsed), Parsed: parsed))
            .Where(v => v.Ok)
            .OrderByDescending(v => v.Parsed)
            .Select(v => v.Text)
            .ToImmutableArray();

    private static ImmutableDictionary<string, ImmutableArray<string>> Build(CompatibilityTable table)
    {
        static ImmutableArray<string> Newest(IEnumerable<string> versions) => Ordered(versions);

        return CogPackages.TablePackages.ToImmutableDictionary(
            name => name,
            name => Newest(name == "tensorflow" ? table.TensorFlow.Select(r => r.TensorFlow) : table.TorchAll.Select(r => r.VersionOf(name)!)),
            StringComparer.Ordinal);
    }
}
