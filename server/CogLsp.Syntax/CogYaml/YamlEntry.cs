using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.CogYaml;

/// <summary>
/// A key and its value in a mapping. <see cref="Value"/> is null only when the file ended (or broke)
/// between the key and its value; a written `key:` with nothing after it has an empty null scalar.
/// </summary>
public sealed class YamlEntry
{
    internal YamlEntry(YamlNode key, YamlNode? value)
    {
        Key = key;
        Value = value;
    }

    public YamlNode Key { get; }

    public YamlNode? Value { get; }

    /// <summary>The key's text when the key is a scalar; null for complex keys.</summary>
    public string? KeyText => Key is YamlScalar s ? s.Value : null;

    public TextSpan Span => TextSpan.FromBounds(Key.Span.Start, Math.Max(Key.Span.End, Value?.Span.End ?? Key.Span.End));

    /// <summary>True for YAML's merge key `&lt;&lt;`, which copies the entries of the mapping(s) it names.</summary>
    public bool IsMergeKey => Key is YamlScalar { IsPlain: true, Value: "<<" };
}
