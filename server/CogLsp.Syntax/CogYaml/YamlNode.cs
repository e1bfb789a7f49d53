using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.CogYaml;

/// <summary>
/// A node of the positioned cog.yaml model. <see cref="Span"/> covers the node as written (quotes of a
/// quoted scalar, brackets of a flow collection; a block collection ends where its last child ends).
/// Nodes form a tree as written: an alias is a leaf that points at its anchor's node and is never copied,
/// so a document full of aliases costs no more memory than its text.
/// </summary>
public abstract class YamlNode
{
    private protected YamlNode(TextSpan span, string? anchor, string? tag)
    {
        Span = span;
        Anchor = anchor;
        Tag = tag;
    }

    public TextSpan Span { get; internal set; }

    /// <summary>The anchor name (`&amp;name`) given to this node, or null.</summary>
    public string? Anchor { get; }

    /// <summary>An explicit tag such as `!!str`, or null when the node has none.</summary>
    public string? Tag { get; }

    /// <summary>Depth in the tree: 0 for the document's root.</summary>
    public int Depth { get; internal set; }
}
