using System.Collections.Immutable;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.CogYaml;

/// <summary>A mapping with its entries in written order (duplicates and merge keys included, as written).</summary>
public sealed class YamlMapping : YamlNode
{
    internal YamlMapping(TextSpan span, ImmutableArray<YamlEntry> entries, bool isFlow, string? anchor, string? tag)
        : base(span, anchor, tag)
    {
        Entries = entries;
        IsFlow = isFlow;
    }

    public ImmutableArray<YamlEntry> Entries { get; }

    public bool IsFlow { get; }

    /// <summary>The first written entry whose key is <paramref name="key"/> (merged entries are not looked at).</summary>
    public YamlEntry? Find(string key)
    {
        foreach (var entry in Entries)
        {
            if (entry.KeyText == key && !entry.IsMergeKey)
            {
                return entry;
            }
        }

        return null;
    }
}
