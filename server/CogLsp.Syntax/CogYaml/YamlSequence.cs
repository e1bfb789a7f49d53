using System.Collections.Immutable;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.CogYaml;

/// <summary>A sequence with its items in written order.</summary>
public sealed class YamlSequence : YamlNode
{
    internal YamlSequence(TextSpan span, ImmutableArray<YamlNode> items, bool isFlow, string? anchor, string? tag)
        : base(span, anchor, tag)
    {
        Items = items;
        IsFlow = isFlow;
    }

    public ImmutableArray<YamlNode> Items { get; }

    public bool IsFlow { get; }
}
