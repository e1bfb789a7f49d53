namespace CogLsp.Syntax.Requirements;

/// <summary>
/// A summary of one logical line, kept by the tree in one small array, so analyses can find the few
/// lines that concern them without visiting every line object of a long file.
/// </summary>
[Flags]
public enum LineFlags : ushort
{
    None = 0,

    /// <summary>The line holds a requirement.</summary>
    Requirement = 1,

    /// <summary>The requirement is a URL, a path, or `name @ url`.</summary>
    Location = 2,

    /// <summary>The requirement is a name without a single exact `==`/`===` pin.</summary>
    NotExactlyPinned = 4,

    /// <summary>The line has at least one option (global or per requirement).</summary>
    Options = 8,

    /// <summary>pip rejects the line.</summary>
    Errors = 16,

    /// <summary>The line refers to `${VAR}` environment variables.</summary>
    EnvironmentVariables = 32,

    /// <summary>The line has words pip ignores among its options.</summary>
    IgnoredArguments = 64,
}
