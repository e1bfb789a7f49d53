using System.Collections.Immutable;
using CogLsp.Syntax.Pep440;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// One requirement as pip in the image will look it up: the project, the specifier pip sees (after Cog's
/// rewrite, for torch, torchvision and tensorflow), the sources it consults and the image's platform.
/// <see cref="Span"/> is the requirement's name-and-specifier range in the document (where diagnostics
/// go); <see cref="SpecifierSpan"/> the range of its specifiers, or an empty span after the name.
/// <see cref="RewrittenByCog"/> is true when the specifier is Cog's rewrite rather than the line's.
/// </summary>
public sealed record IndexLookup(
    int Line,
    TextSpan Span,
    TextSpan SpecifierSpan,
    string Project,
    Pep440SpecifierSet Specifier,
    bool Pre,
    ImmutableArray<IndexSource> Sources,
    ImageTarget Target,
    bool RewrittenByCog)
{
    /// <summary>The indexes and find-links pages Cog adds for this line's CUDA build (torch, torchvision, tensorflow), mapped onto the settings; empty for other lines.</summary>
    public ImmutableArray<string> CogSources { get; init; } = [];

    /// <summary>
    /// True when <see cref="SpecifierSpan"/> is exactly the specifier as written, so a fix may replace it. False
    /// in cog.yaml where the scalar does not map character by character (escapes, folded lines) or a shell quote
    /// splits the specifier of a build.run argument: the span is then wider, good for a diagnostic but not for an edit.
    /// </summary>
    public bool SpecifierExact { get; init; } = true;

    /// <summary>The file's `--no-binary`/`--only-binary`/`--prefer-binary` and this line's `--hash` values.</summary>
    public PickOptions Options { get; init; } = PickOptions.Default;

    /// <summary>The pages this lookup reads, one per source.</summary>
    public IEnumerable<IndexQuery> Queries => Sources.Select(s => IndexFacts.Key(new IndexQuery(s, Project)));

    /// <summary>The version of an exact `==`/`===` pin without wildcard, else null.</summary>
    public string? PinnedVersion => Specifier.Specifiers is [{ IsExactPin: true } pin] ? pin.VersionText : null;
}
