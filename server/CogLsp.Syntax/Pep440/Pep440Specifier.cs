using System.Text.RegularExpressions;

namespace CogLsp.Syntax.Pep440;

/// <summary>
/// One PEP 440 version clause: an operator (~=, ==, !=, &lt;=, &gt;=, &lt;, &gt;, ===) and a version.
/// Only the spellings today's pip accepts are valid: wildcards (`.*`) only with == and !=, local
/// labels only with == and != (and never with a wildcard), ~= needs two release numbers, and === takes
/// any text. The older "legacy" forms (`==custom`, `>=1.0.*`, `<>1`) are not specifiers.
/// </summary>
public sealed partial class Pep440Specifier
{
    private Pep440Specifier(string op, string versionText)
    {
        Operator = op;
        VersionText = versionText;
        IsWildcard = op is "==" or "!=" && versionText.EndsWith(".*", StringComparison.Ordinal);
        Version = op == "===" ? Pep440Version.TryParse(versionText) : Pep440Version.TryParse(IsWildcard ? versionText[..^2] : versionText);
    }

    public string Operator { get; }

    /// <summary>The version as written, without surrounding whitespace.</summary>
    public string VersionText { get; }

    /// <summary>The parsed version (without the `.*`); null only for === with a non-PEP 440 string.</summary>
    public Pep440Version? Version { get; }

    public bool IsWildcard { get; }

    /// <summary>True for `==V` without wildcard or `===V`: the clause names a single version.</summary>
    public bool IsExactPin => Operator is "===" || (Operator == "==" && !IsWildcard);

    public static bool TryParse(string text, out Pep440Specifier specifier)
    {
        specifier = null!;
        var m = FullPattern().Match(text);
        if (!m.Success)
        {
            return false;
        }

        specifier = new Pep440Specifier(m.Groups["operator"].Value, m.Groups["version"].Value.Trim());
        return true;
    }

    public static Pep440Specifier? TryParse(string text) => TryParse(text, out var s) ? s : null;

    /// <summary>For callers that matched the clause with <see cref="PrefixPattern"/> already.</summary>
    internal static Pep440Specifier FromMatchedParts(string op, string versionText) => new(op, versionText);

    /// <summary>
    /// The common case without the regex: an operator and a plain dotted version ending at a character
    /// that cannot continue a version. Returns the length of the clause, or 0 when the regex must decide.
    /// </summary>
    internal static int MatchPlain(string text, int start, int end, out int operatorLength)
    {
        operatorLength = 0;
        if (start + 1 >= end)
        {
            return 0;
        }

        var c0 = text[start];
        var c1 = text[start + 1];
        operatorLength = c1 == '=' && c0 is '=' or '!' or '<' or '>' or '~' ? 2 : c0 is '<' or '>' ? 1 : 0;
        if (operatorLength == 0 || (c0 == '=' && start + 2 < end && text[start + 2] == '='))
        {
            return 0;
        }

        var i = start + operatorLength;
        var segments = 0;
        while (true)
        {
            var digits = i;
            while (i < end && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == digits)
            {
                return 0;
            }

            segments++;
            if (i + 1 < end && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
            {
                i++;
                continue;
            }

            break;
        }

        if (i < end && text[i] == '+' && c0 is '=' or '!')
        {
            // A local label: alphanumeric segments separated by '.', '-' or '_'.
            i++;
            while (true)
            {
                var segment = i;
                while (i < end && char.IsAsciiLetterOrDigit(text[i]))
                {
                    i++;
                }

                if (i == segment)
                {
                    return 0;
                }

                if (i + 1 < end && text[i] is '.' or '-' or '_' && char.IsAsciiLetterOrDigit(text[i + 1]))
                {
                    i++;
                    continue;
                }

                break;
            }
        }

        if (i < end && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '.' or '-' or '_' or '+' or '*' or '!'))
        {
            return 0;
        }

        return c0 == '~' && segments < 2 ? 0 : i - start;
    }

    /// <summary>
    /// True when this clause lets pip pick a pre-release without being told to: the operator is
    /// inclusive (==, &gt;=, &lt;=, ~=, ===) and its own version is a pre-release.
    /// </summary>
    public bool ImpliesPrereleases
    {
        get
        {
            if (Operator is not ("==" or ">=" or "<=" or "~=" or "==="))
            {
                return false;
            }

            return Version is { IsPrerelease: true };
        }
    }

    /// <summary>Whether <paramref name="candidate"/> satisfies this clause; pre-releases only when allowed (null: when the clause implies them).</summary>
    public bool Contains(Pep440Version candidate, bool? prereleases = null)
    {
        var allowPre = prereleases ?? ImpliesPrereleases;
        if (candidate.IsPrerelease && !allowPre)
        {
            return false;
        }

        return Matches(candidate);
    }

    /// <summary>The operator's comparison alone, with no pre-release filtering.</summary>
    public bool Matches(Pep440Version candidate)
    {
        if (Operator == "===")
        {
            return string.Equals(candidate.ToString(), VersionText, StringComparison.OrdinalIgnoreCase);
        }

        var spec = Version!;
        switch (Operator)
        {
            case "==":
                return IsWildcard ? PrefixMatch(candidate, spec) : ExactMatch(candidate, spec);
            case "!=":
                return IsWildcard ? !PrefixMatch(candidate, spec) : !ExactMatch(candidate, spec);
            case "<=":
                return candidate.PublicVersion <= spec;
            case ">=":
                return candidate.PublicVersion >= spec;
            case "<":
                if (!(candidate < spec))
                {
                    return false;
                }

                // "<V" never admits a pre-release of V itself unless V is a pre-release.
                return spec.IsPrerelease || !candidate.IsPrerelease || candidate.BaseVersion != spec.BaseVersion;
            case ">":
                if (!(candidate > spec))
                {
                    return false;
                }

                // ">V" never admits a post-release or a local version of V itself.
                if (!spec.IsPostrelease && candidate.IsPostrelease && candidate.BaseVersion == spec.BaseVersion)
                {
                    return false;
                }

                return !candidate.HasLocal || candidate.BaseVersion != spec.BaseVersion;
            case "~=":
                {
                    // ~=X.Y.Z means >=X.Y.Z and ==X.Y.* (the last release number dropped, pre/post/dev ignored).
                    var release = spec.Release;
                    var prefix = Pep440Version.Parse((spec.Epoch.IsZero ? string.Empty : spec.Epoch + "!") + string.Join('.', release.Take(release.Length - 1)));
                    return candidate.PublicVersion >= spec && PrefixMatch(candidate, prefix);
                }

            default:
                return false;
        }
    }

    public override string ToString() => Operator + VersionText;

    private static bool ExactMatch(Pep440Version candidate, Pep440Version spec) =>
        (spec.HasLocal ? candidate : candidate.PublicVersion) == spec;

    /// <summary>
    /// ==V.* : the candidate's public version, cut to as many release numbers as V has (padded with
    /// zeros when shorter), equals V; V's own pre/post/dev are part of the comparison.
    /// </summary>
    private static bool PrefixMatch(Pep440Version candidate, Pep440Version prefix)
    {
        if (candidate.Epoch != prefix.Epoch)
        {
            return false;
        }

        var n = prefix.Release.Length;
        for (var i = 0; i < n; i++)
        {
            var c = i < candidate.Release.Length ? candidate.Release[i] : System.Numerics.BigInteger.Zero;
            if (c != prefix.Release[i])
            {
                return false;
            }
        }

        if (prefix.PreLabel is not null || prefix.Post is not null || prefix.Dev is not null)
        {
            // A prefix with a suffix (only reachable through ~= on a pre-release) matches that exact suffix.
            return candidate.Release.Length <= n && candidate.PreLabel == prefix.PreLabel && candidate.PreNumber == prefix.PreNumber;
        }

        return true;
    }

    internal const string OperatorPattern = "(?<operator>(~=|==|!=|<=|>=|<|>|===))";

    /// <summary>The version half of a clause, by operator, as today's pip (packaging 22 and later) accepts it.</summary>
    internal const string VersionPattern = """
        (?<version>
            (?:
                (?<====)
                \s*
                [^\s;)]*
            )
            |
            (?:
                (?<===|!=)
                \s*
                v?
                (?:[0-9]+!)?
                [0-9]+(?:\.[0-9]+)*
                (?:
                    \.\*
                    |
                    (?:
                        [-_\.]?
                        (alpha|beta|preview|pre|a|b|c|rc)
                        [-_\.]?
                        [0-9]*
                    )?
                    (?:
                        (?:-[0-9]+)|(?:[-_\.]?(post|rev|r)[-_\.]?[0-9]*)
                    )?
                    (?:[-_\.]?dev[-_\.]?[0-9]*)?
                    (?:\+[a-z0-9]+(?:[-_\.][a-z0-9]+)*)?
                )?
            )
            |
            (?:
                (?<=~=)
                \s*
                v?
                (?:[0-9]+!)?
                [0-9]+(?:\.[0-9]+)+
                (?:
                    [-_\.]?
                    (alpha|beta|preview|pre|a|b|c|rc)
                    [-_\.]?
                    [0-9]*
                )?
                (?:
                    (?:-[0-9]+)|(?:[-_\.]?(post|rev|r)[-_\.]?[0-9]*)
                )?
                (?:[-_\.]?dev[-_\.]?[0-9]*)?
            )
            |
            (?:
                (?<!==|!=|~=)
                \s*
                v?
                (?:[0-9]+!)?
                [0-9]+(?:\.[0-9]+)*
                (?:
                    [-_\.]?
                    (alpha|beta|preview|pre|a|b|c|rc)
                    [-_\.]?
                    [0-9]*
                )?
                (?:
                    (?:-[0-9]+)|(?:[-_\.]?(post|rev|r)[-_\.]?[0-9]*)
                )?
                (?:[-_\.]?dev[-_\.]?[0-9]*)?
            )
        )
        """;

    [GeneratedRegex(@"^\s*" + OperatorPattern + VersionPattern + @"\s*$", RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex FullPattern();

    /// <summary>A clause at the start of the input (the tokenizer's view: the longest match, no end anchor).</summary>
    [GeneratedRegex(@"\G" + OperatorPattern + VersionPattern, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    internal static partial Regex PrefixPattern();
}
