using System.Text;

namespace CogLsp.Syntax.Pep440;

/// <summary>
/// Distribution names as PEP 508 writes them and PEP 503 compares them: a name is ASCII letters and
/// digits with '.', '_' or '-' inside; two names are the same project when their normalized forms
/// (lower case, every run of '.', '_' and '-' turned into one '-') are equal.
/// </summary>
public static class PackageName
{
    /// <summary>The PEP 503 normalized form, e.g. "Foo__Bar.baz" becomes "foo-bar-baz".</summary>
    public static string Normalize(string name)
    {
        if (IsNormalized(name))
        {
            return name;
        }

        var builder = new StringBuilder(name.Length);
        var inSeparator = false;
        foreach (var c in name)
        {
            if (c is '-' or '_' or '.')
            {
                if (!inSeparator)
                {
                    builder.Append('-');
                }

                inSeparator = true;
                continue;
            }

            inSeparator = false;
            builder.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="name"/> is its own normalized form (most names are), so it need not be copied.</summary>
    private static bool IsNormalized(string name)
    {
        var previousWasDash = false;
        foreach (var c in name)
        {
            var isDash = c == '-';
            if (c is '_' or '.' or (>= 'A' and <= 'Z') || (c > 127 && char.ToLowerInvariant(c) != c) || (isDash && previousWasDash))
            {
                return false;
            }

            previousWasDash = isDash;
        }

        return true;
    }

    /// <summary>True for a valid PEP 508 name: starts and ends with a letter or digit, with letters, digits, '.', '_', '-' between.</summary>
    public static bool IsValid(ReadOnlySpan<char> name)
    {
        if (name.Length == 0 || !IsAlphaNumeric(name[0]) || !IsAlphaNumeric(name[^1]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsAlphaNumeric(c) && c is not ('.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool IsAlphaNumeric(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
}
