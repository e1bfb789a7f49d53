namespace CogLsp.Syntax.Requirements;

/// <summary>What a token of a requirements file is; every character of a file belongs to exactly one token.</summary>
public enum RequirementsTokenKind
{
    Whitespace,
    LineBreak,

    /// <summary>Backslashes pip strips from the ends of a continued physical line.</summary>
    Continuation,
    Comment,
    PackageName,
    Extra,
    Punctuation,
    VersionOperator,
    Version,
    Url,
    Path,
    MarkerVariable,
    MarkerOperator,
    MarkerString,
    MarkerKeyword,
    OptionName,
    OptionValue,
    EnvironmentVariable,

    /// <summary>Anything the grammar does not give a role (typically the text of a syntax error).</summary>
    Text,
}
