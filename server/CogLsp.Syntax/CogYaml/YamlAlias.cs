using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.CogYaml;

/// <summary>
/// An alias (`*name`). <see cref="Target"/> is the node the anchor names, or null when no earlier node has
/// that anchor. Anchors are registered when their node is complete, so an alias can never reach itself.
/// </summary>
public sealed class YamlAlias : YamlNode
{
    internal YamlAlias(TextSpan span, string name, YamlNode? target)
        : base(span, null, null)
    {
        Name = name;
        Target = target;
    }

    public string Name { get; }

    public YamlNode? Target { get; }
}
