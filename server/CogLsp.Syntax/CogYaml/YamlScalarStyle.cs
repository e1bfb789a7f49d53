namespace CogLsp.Syntax.CogYaml;

/// <summary>How a scalar was written. The style decides how a YAML reader types it: only plain scalars can be numbers, booleans or null.</summary>
public enum YamlScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}
