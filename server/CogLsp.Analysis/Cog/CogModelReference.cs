using System.Globalization;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// Cog's check of `model:` (pkg/config/validate.go validateModel at 6110c912), which parses the value
/// with go-containerregistry v0.21.5 (pkg/name: NewRepository, then ParseReference = NewTag or
/// NewDigest, weak validation). Ported rule for rule, messages included, because Cog prints them.
/// </summary>
public static class CogModelReference
{
    private const string RepositoryChars = "abcdefghijklmnopqrstuvwxyz0123456789_-./";
    private const string TagChars = "abcdefghijklmnopqrstuvwxyz0123456789_-.ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>The text Cog appends to `invalid model "…": ` for this value, or null when Cog accepts it.</summary>
    public static string? Problem(string model)
    {
        if (NewRepository(model) is not { } error)
        {
            return null;
        }

        return ParsesAsReference(model) ? "must be a bare repository — tags and digests are not allowed" : "invalid repository: " + error;
    }

    /// <summary>name.NewRepository: null when valid, else its error text.</summary>
    private static string? NewRepository(string name)
    {
        if (name.Length == 0)
        {
            return "a repository name must be specified";
        }

        var registry = string.Empty;
        var repository = name;
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0 && (name[..slash].Contains('.', StringComparison.Ordinal) || name[..slash].Contains(':', StringComparison.Ordinal)))
        {
            registry = name[..slash];
            repository = name[(slash + 1)..];
        }

        return CheckElement("repository", repository, RepositoryChars, 2, 255)
            ?? (IsUriAuthority(registry) ? null : "registries must be valid RFC 3986 URI authorities: " + registry);
    }

    /// <summary>name.ParseReference succeeds: the value is a tag or a digest reference.</summary>
    private static bool ParsesAsReference(string name) => NewTag(name) is null || NewDigest(name) is null;

    private static string? NewTag(string name)
    {
        var parts = name.Split(':');
        var baseName = name;
        if (parts.Length > 1 && !parts[^1].Contains('/', StringComparison.Ordinal))
        {
            baseName = string.Join(':', parts[..^1]);
            var tag = parts[^1];
            if (tag.Length == 0)
            {
                return name + " must specify a tag name after the colon";
            }

            if (CheckElement("tag", tag, TagChars, 1, 128) is { } tagError)
            {
                return tagError;
            }
        }

        return NewRepository(baseName);
    }

    private static string? NewDigest(string name)
    {
        var parts = name.Split('@');
        if (parts.Length != 2)
        {
            return "a digest must contain exactly one '@' separator";
        }

        const string prefix = "sha256:";
        var digest = parts[1];
        if (!digest.StartsWith(prefix, StringComparison.Ordinal))
        {
            return "unsupported digest algorithm: " + digest;
        }

        var hex = digest[prefix.Length..];
        if (hex.Length != 64 || !hex.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            return "invalid checksum digest";
        }

        // NewDigest re-reads the base through NewTag when it can, else as a repository.
        return NewTag(parts[0]) is null ? null : NewRepository(parts[0]);
    }

    /// <summary>pkg/name checkElement: a length in runes and an alphabet.</summary>
    private static string? CheckElement(string name, string element, string allowed, int min, int max)
    {
        var runes = element.EnumerateRunes().Count();
        if (runes < min || runes > max)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{name} must be between {min} and {max} characters in length: {element}");
        }

        return element.All(c => allowed.Contains(c, StringComparison.Ordinal)) ? null : $"{name} can only contain the characters `{allowed}`: {element}";
    }

    /// <summary>
    /// checkRegistry: Go's url.Parse("//" + name) must succeed with Host == name. That holds for an
    /// empty name and for host[:port] made of the bytes Go's host parser lets through unescaped.
    /// </summary>
    private static bool IsUriAuthority(string name)
    {
        if (name.Length == 0)
        {
            return true;
        }

        string port;
        if (name.StartsWith('['))
        {
            var close = name.LastIndexOf(']');
            if (close < 0)
            {
                return false;
            }

            port = name[(close + 1)..];
        }
        else
        {
            var colon = name.LastIndexOf(':');
            port = colon < 0 ? string.Empty : name[colon..];
        }

        if (port.Length > 0 && (port[0] != ':' || !port[1..].All(char.IsAsciiDigit)))
        {
            return false;
        }

        // '#', '?', '@', '%' and '/' change or end the host; control bytes and the rest must be escaped.
        return name.All(c => c >= 0x80 || char.IsAsciiLetterOrDigit(c) || "!$&'()*+,;=:[]<>\"-_.~".Contains(c, StringComparison.Ordinal));
    }
}
