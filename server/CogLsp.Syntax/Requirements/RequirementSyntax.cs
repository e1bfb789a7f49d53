using System.Collections.Immutable;
using CogLsp.Syntax.Pep440;
using CogLsp.Syntax.Text;

namespace CogLsp.Syntax.Requirements;

/// <summary>
/// What a requirement line installs. Spans are relative to the line start. Parts pip would reject are
/// still filled in as far as they parse, so editor features keep working on a half-typed line.
/// </summary>
public sealed record RequirementSyntax(RequirementForm Form, TextSpan Span)
{
    /// <summary>The project name as written (from the PEP 508 name, a wheel file name, or `#egg=`); null for an unnamed URL or path.</summary>
    public SyntaxValue? Name { get; init; }

    /// <summary>The PEP 503 form of <see cref="Name"/>.</summary>
    public string? NormalizedName => Name is null ? null : PackageName.Normalize(Name.Text);

    public ImmutableArray<SyntaxValue> Extras { get; init; } = [];

    public ImmutableArray<SpecifierSyntax> Specifiers { get; init; } = [];

    /// <summary>From the first operator to the end of the last version (inside any parentheses).</summary>
    public TextSpan? SpecifierListSpan => Specifiers.IsEmpty ? null : TextSpan.FromBounds(Specifiers[0].Span.Start, Specifiers[^1].Span.End);

    public Pep440SpecifierSet SpecifierSet => Pep440SpecifierSet.Create(Specifiers.Select(s => s.Parsed));

    /// <summary>The URL of `name @ url`, a bare URL, a bare path, or the target of `-e`.</summary>
    public SyntaxValue? Location { get; init; }

    /// <summary>The marker text after `;` (trimmed), when there is one.</summary>
    public SyntaxValue? MarkerText { get; init; }

    /// <summary>The parsed marker; null when absent or when it does not parse.</summary>
    public MarkerNode? Marker { get; init; }

    public bool IsEditable => Form == RequirementForm.Editable;

    /// <summary>True when exactly one clause is `==V` (no wildcard) or `===V`: one concrete version.</summary>
    public bool IsExactlyPinned => Specifiers.Length == 1 && Specifiers[0].Parsed.IsExactPin;
}
