using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.CogYaml;

/// <summary>What kind of problem a <see cref="YamlSyntaxError"/> is.</summary>
public enum YamlErrorKind
{
    /// <summary>The YAML parser gave up here; the model holds what came before.</summary>
    Syntax,

    /// <summary>Nesting deeper than <see cref="CogYamlDocument.MaxDepth"/>; deeper nodes were left out of the model.</summary>
    TooDeep,

    /// <summary>An alias names no earlier anchor; YAML readers (Cog's included) reject the file.</summary>
    UnknownAnchor,
}

/// <summary>A problem found while reading the YAML, with the span it concerns.</summary>
public sealed record YamlSyntaxError(TextSpan Span, string Message, YamlErrorKind Kind = YamlErrorKind.Syntax);
