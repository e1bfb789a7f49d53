namespace CogLsp.Syntax.Requirements;

/// <summary>Why a line fails pip's parse; analyzers map kinds to diagnostic codes.</summary>
public enum RequirementsErrorKind
{
    /// <summary>The requirement or URL does not parse (PEP 508, wheel file name, URL shape).</summary>
    Requirement,

    /// <summary>An option pip does not know.</summary>
    UnknownOption,

    /// <summary>An abbreviation that matches several options.</summary>
    AmbiguousOption,

    /// <summary>An option without its value, with a value it does not take, or with a value pip refuses.</summary>
    OptionValue,

    /// <summary>Unbalanced quotes or a trailing backslash in the options part.</summary>
    Quoting,

    /// <summary>A marker names something that is not a marker variable.</summary>
    MarkerVariable,

    /// <summary>A marker comparison with an operator that does not exist.</summary>
    MarkerOperator,

    /// <summary>Any other marker syntax error.</summary>
    Marker,

    /// <summary>A version clause only pip before 24.1 accepted (`==custom`, `>=1.0.*`, `&lt;&gt;1`).</summary>
    LegacyVersion,

    /// <summary>An editable requirement that is neither a VCS URL nor a local path.</summary>
    Editable,
}
