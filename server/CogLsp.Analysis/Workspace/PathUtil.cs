namespace CogLsp.Analysis.Workspace;

/// <summary>Path helpers that behave the same on every OS for the forward-slash paths cog.yaml and pip use.</summary>
public static class PathUtil
{
    /// <summary>
    /// An absolute, normalised path ('.' and '..' folded, no trailing separator) with '/' separators. A
    /// Windows UNC path keeps its two leading separators (`//server/share/…`), and '..' never climbs above
    /// a drive (`C:`), so both stay the roots they are.
    /// </summary>
    public static string Normalize(string path)
    {
        var full = path.Replace('\\', '/');
        var rooted = full.StartsWith('/');
        var unc = full.Length > 2 && full[0] == '/' && full[1] == '/' && full[2] != '/';
        var parts = new List<string>();
        foreach (var part in full.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count == 1 && IsDrive(parts[0]))
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            if (part == ".." && rooted)
            {
                continue;
            }

            parts.Add(part);
        }

        var joined = string.Join('/', parts);
        return unc ? "//" + joined : rooted ? "/" + joined : joined;
    }

    /// <summary>True for a Windows drive such as `C:`.</summary>
    public static bool IsDrive(string part) => part.Length == 2 && part[1] == ':' && char.IsAsciiLetter(part[0]);

    /// <summary>Resolves <paramref name="relative"/> against the folder <paramref name="directory"/>; absolute paths are kept.</summary>
    public static string Resolve(string directory, string relative)
    {
        var r = relative.Replace('\\', '/');
        return Normalize(r.StartsWith('/') || (r.Length > 1 && r[1] == ':') ? r : directory.TrimEnd('/') + "/" + r);
    }

    public static string GetDirectory(string path)
    {
        var p = path.Replace('\\', '/');
        var i = p.LastIndexOf('/');
        return i <= 0 ? (i == 0 ? "/" : ".") : p[..i];
    }

    public static string GetFileName(string path)
    {
        var p = path.Replace('\\', '/');
        return p[(p.LastIndexOf('/') + 1)..];
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or lies below it.</summary>
    public static bool IsUnder(string path, string directory)
    {
        var p = Normalize(path);
        var d = Normalize(directory).TrimEnd('/');
        return p == d || p.StartsWith(d + "/", StringComparison.Ordinal) || d.Length == 0;
    }
}
