using System.Collections.Immutable;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Requirements;

/// <summary>
/// One logical line of a requirements file: one or more physical lines joined by trailing
/// backslashes (pip's rule), with their line breaks. Architecture invariant: a line knows nothing of
/// where it sits in the file — every span in it is relative to its own start — so an edit elsewhere
/// reuses this object unchanged. Its <see cref="Tokens"/> cover <see cref="FullText"/> exactly.
/// A line is a value: nothing is stored on it after it is built but its own tokens (a pure function of
/// its text); analyses that remember results per line keep them beside it, keyed by the line object.
/// </summary>
public sealed class RequirementsLine
{
    private ImmutableArray<RequirementsToken> _tokens;

    internal RequirementsLine(
        string fullText,
        RequirementsLineKind kind,
        ImmutableArray<RequirementsSyntaxError> errors,
        RequirementSyntax? requirement,
        ImmutableArray<OptionSyntax> options,
        SyntaxValue? comment,
        SyntaxValue content,
        ImmutableArray<SyntaxValue> environmentVariables,
        ImmutableArray<SyntaxValue> ignoredArguments,
        int physicalLineCount)
    {
        FullText = fullText;
        Kind = kind;
        Errors = errors;
        Requirement = requirement;
        Options = options;
        Comment = comment;
        Content = content;
        EnvironmentVariables = environmentVariables;
        IgnoredArguments = ignoredArguments;
        PhysicalLineCount = physicalLineCount;
        Flags = (requirement is null ? LineFlags.None : LineFlags.Requirement)
            | (requirement?.Location is null ? LineFlags.None : LineFlags.Location)
            | (requirement is { Form: RequirementForm.Named, Location: null, IsExactlyPinned: false } ? LineFlags.NotExactlyPinned : LineFlags.None)
            | (options.IsEmpty ? LineFlags.None : LineFlags.Options)
            | (errors.IsEmpty ? LineFlags.None : LineFlags.Errors)
            | (environmentVariables.IsEmpty ? LineFlags.None : LineFlags.EnvironmentVariables)
            | (ignoredArguments.IsEmpty ? LineFlags.None : LineFlags.IgnoredArguments);
        NameHash = requirement?.NormalizedName is { } name ? HashName(name) : 0;
    }

    /// <summary>What kind of line this is, in brief (copied into the tree's summary array).</summary>
    public LineFlags Flags { get; }

    /// <summary>A hash of the requirement's PEP 503 name (this process's string hash, never 0), 0 without one.</summary>
    public int NameHash { get; }

    /// <summary>The <see cref="NameHash"/> of a line whose requirement has the PEP 503 name <paramref name="normalizedName"/>.</summary>
    public static int HashName(string normalizedName) => StringComparer.Ordinal.GetHashCode(normalizedName) | 1;

    /// <summary>The exact source text of the line, including its final line break.</summary>
    public string FullText { get; }

    public int FullWidth => FullText.Length;

    public RequirementsLineKind Kind { get; }

    /// <summary>
    /// The tokens, built on first use by parsing <see cref="FullText"/> again: most analysis never
    /// needs them, and keeping what building them takes would make every line heavier. Thread-safe;
    /// the parse is pure, so a race only repeats work.
    /// </summary>
    public ImmutableArray<RequirementsToken> Tokens
    {
        get
        {
            if (_tokens.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref _tokens, LineParser.Tokenize(FullText));
            }

            return _tokens;
        }
    }

    /// <summary>Why pip would reject this line; empty when pip accepts it.</summary>
    public ImmutableArray<RequirementsSyntaxError> Errors { get; }

    public bool HasErrors => !Errors.IsEmpty;

    public RequirementSyntax? Requirement { get; }

    public ImmutableArray<OptionSyntax> Options { get; }

    /// <summary>The options that apply to this line's requirement (`--hash`, `--config-settings`, `--global-option`).</summary>
    public IEnumerable<OptionSyntax> PerRequirementOptions => Requirement is null ? [] : Options.Where(o => o.Option?.Scope == OptionScope.PerRequirement);

    /// <summary>The comment (from `#` to the end of the logical line), if any.</summary>
    public SyntaxValue? Comment { get; }

    /// <summary>What pip reads: the joined physical lines without comment and surrounding whitespace. The span runs from its first to its last character in the source.</summary>
    public SyntaxValue Content { get; }

    /// <summary>`${NAME}` references, which pip replaces with environment variables when they are set.</summary>
    public ImmutableArray<SyntaxValue> EnvironmentVariables { get; }

    /// <summary>Words among the options that are neither options nor their values; pip silently ignores them.</summary>
    public ImmutableArray<SyntaxValue> IgnoredArguments { get; }

    public int PhysicalLineCount { get; }

    public static RequirementsLine Parse(string fullText) => LineParser.Parse(fullText);

    public override string ToString() => FullText;
}
