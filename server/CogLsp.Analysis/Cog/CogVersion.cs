using System.Globalization;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// Cog's own version numbers (Cog 6110c912, pkg/util/version): at most three dot-separated integers
/// and an optional "+metadata" tail. It is neither PEP 440 nor SemVer: "2.7" Matches "2.7.1" (a
/// missing patch is a wildcard), Greater ignores metadata, Equal does not, and anything that is not
/// plain integers ("2.0.0rc1", "1!2.0") fails to parse, which makes every comparison false. Use this
/// type only to predict Cog's decisions; judge requirements for pip with PEP 440 instead.
/// </summary>
public sealed record CogVersion(long Major, long Minor, long? Patch, string Metadata)
{
    /// <summary>The patch number, or 0 when none was written (Cog's PatchVersion).</summary>
    public long PatchOrZero => Patch ?? 0;

    /// <summary>Parses like Cog's NewVersion: split once at '+', then at most three integer parts (Go's Atoi rules).</summary>
    public static CogVersion? TryParse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var plus = text.IndexOf('+', StringComparison.Ordinal);
        var number = plus < 0 ? text : text[..plus];
        var metadata = plus < 0 ? string.Empty : text[(plus + 1)..];
        var parts = number.Split('.');
        if (parts.Length > 3 || !TryAtoi(parts[0], out var major))
        {
            return null;
        }

        long minor = 0;
        if (parts.Length >= 2 && !TryAtoi(parts[1], out minor))
        {
            return null;
        }

        long? patch = null;
        if (parts.Length >= 3)
        {
            if (!TryAtoi(parts[2], out var p))
            {
                return null;
            }

            patch = p;
        }

        return new CogVersion(major, minor, patch, metadata);
    }

    /// <summary>Go's strconv.Atoi: an optional sign, then one or more ASCII digits, fitting in 64 bits.</summary>
    internal static bool TryAtoi(string text, out long value)
    {
        value = 0;
        var digits = text.Length > 0 && (text[0] == '+' || text[0] == '-') ? text.AsSpan(1) : text.AsSpan();
        if (digits.Length == 0)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    public bool IsGreaterThan(CogVersion other) =>
        Major > other.Major
        || (Major == other.Major && Minor > other.Minor)
        || (Major == other.Major && Minor == other.Minor && PatchOrZero > other.PatchOrZero);

    /// <summary>Cog's Equal: numbers equal (missing patch = 0) and the metadata strings equal.</summary>
    public bool IsEqualTo(CogVersion other) =>
        Major == other.Major && Minor == other.Minor && PatchOrZero == other.PatchOrZero && Metadata == other.Metadata;

    public bool IsEqualMinorTo(CogVersion other) => Major == other.Major && Minor == other.Minor;

    /// <summary>Cog's Matches: major and minor equal; patch compared only when both sides have one; metadata ignored.</summary>
    public bool MatchesVersion(CogVersion other) =>
        Major == other.Major && Minor == other.Minor && !(Patch is not null && other.Patch is not null && Patch != other.Patch);

    /// <summary>Matches on strings; false when either side does not parse.</summary>
    public static bool Matches(string? a, string? b) => TryParse(a) is { } x && TryParse(b) is { } y && x.MatchesVersion(y);

    /// <summary>Equal on strings; when either side does not parse, the strings are compared as they are.</summary>
    public static bool Equal(string a, string b) => TryParse(a) is { } x && TryParse(b) is { } y ? x.IsEqualTo(y) : a == b;

    public static bool EqualMinor(string a, string b) => TryParse(a) is { } x && TryParse(b) is { } y && x.IsEqualMinorTo(y);

    public static bool Greater(string a, string b) => TryParse(a) is { } x && TryParse(b) is { } y && x.IsGreaterThan(y);

    /// <summary>GreaterOrEqual on strings; when either side does not parse, the strings are compared as they are.</summary>
    public static bool GreaterOrEqual(string a, string b) =>
        TryParse(a) is { } x && TryParse(b) is { } y ? x.IsGreaterThan(y) || x.IsEqualTo(y) : a == b;

    /// <summary>Everything before the first '+' (Cog's StripModifier).</summary>
    public static string StripModifier(string text)
    {
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? text : text[..plus];
    }

    /// <summary>"MAJOR.MINOR" of a parsable version, else the text unchanged (Cog's StripPatch).</summary>
    public static string StripPatch(string text) =>
        TryParse(text) is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v.Major}.{v.Minor}") : text;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}{(Patch is null ? "" : "." + Patch.Value)}{(Metadata.Length > 0 ? "+" + Metadata : "")}");
}
