using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.CogYaml;

/// <summary>A scalar with its decoded <see cref="Value"/> and the <see cref="Style"/> it was written in.</summary>
public sealed class YamlScalar : YamlNode
{
    internal YamlScalar(TextSpan span, string value, YamlScalarStyle style, string? anchor, string? tag)
        : base(span, anchor, tag)
    {
        Value = value;
        Style = style;
    }

    public string Value { get; }

    public YamlScalarStyle Style { get; }

    public bool IsPlain => Style == YamlScalarStyle.Plain;

    /// <summary>
    /// True for a missing value (`key:` with nothing after it) and for plain `~`, `null`, `Null`, `NULL`:
    /// what Go's YAML decoder, which Cog uses, reads as null unless an explicit tag says otherwise.
    /// </summary>
    public bool IsNull => IsPlain && Tag is null && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>The span of the text between the quotes (the whole span for other styles).</summary>
    public TextSpan ContentSpan =>
        Style is YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted && Span.Length >= 2
            ? new TextSpan(Span.Start + 1, Span.Length - 2)
            : Span;

    public override string ToString() => Value;
}
