using System.Collections.Immutable;

namespace CogLsp.Syntax.Pep440;

/// <summary>
/// Comma-separated clauses that must all hold. Pre-releases are admitted when asked for, or (by
/// default) when some inclusive clause names a pre-release; an empty set admits every final release.
/// </summary>
public sealed class Pep440SpecifierSet
{
    private string? _text;

    private Pep440SpecifierSet(ImmutableArray<Pep440Specifier> specifiers) => Specifiers = specifiers;

    public static Pep440SpecifierSet Empty { get; } = new([]);

    public ImmutableArray<Pep440Specifier> Specifiers { get; }

    public static Pep440SpecifierSet Create(IEnumerable<Pep440Specifier> specifiers) => new(specifiers.ToImmutableArray());

    /// <summary>Parses "&gt;=1.0, &lt;2"; empty parts between commas are skipped, as packaging does.</summary>
    public static bool TryParse(string text, out Pep440SpecifierSet set)
    {
        set = Empty;
        var builder = ImmutableArray.CreateBuilder<Pep440Specifier>();
        foreach (var part in text.Split(','))
        {
            if (part.Trim().Length == 0)
            {
                continue;
            }

            if (!Pep440Specifier.TryParse(part, out var s))
            {
                return false;
            }

            builder.Add(s);
        }

        set = new Pep440SpecifierSet(builder.ToImmutable());
        return true;
    }

    public bool ImpliesPrereleases => Specifiers.Any(s => s.ImpliesPrereleases);

    public bool Contains(Pep440Version candidate, bool? prereleases = null)
    {
        var allowPre = prereleases ?? ImpliesPrereleases;
        if (candidate.IsPrerelease && !allowPre)
        {
            return false;
        }

        foreach (var s in Specifiers)
        {
            if (!s.Contains(candidate, allowPre))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The specifiers joined by commas (remembered: the set is immutable, and index lookups key their picks on it).</summary>
    public override string ToString() => _text ??= string.Join(',', Specifiers);
}
