namespace CogLsp.Analysis.Workspace;

/// <summary>
/// Matches the file globs of <see cref="DocumentKindRegistration"/> against a path, so the server tells a
/// file's kind by the same patterns it asks the client to watch. Only the form those globs take is
/// understood: a leading `**/` followed by segments where `*` stands for any run of characters and `?` for
/// one character, never crossing a '/'. Case is ignored, as it is on the file systems users meet most.
/// </summary>
public static class FileGlob
{
    public static bool IsMatch(string glob, string path)
    {
        if (!glob.StartsWith("**/", StringComparison.Ordinal))
        {
            throw new ArgumentException($"File globs start with **/: {glob}", nameof(glob));
        }

        var patterns = glob[3..].Split('/');
        var segments = path.Replace('\\', '/').Split('/');
        if (segments.Length < patterns.Length)
        {
            return false;
        }

        for (var i = 0; i < patterns.Length; i++)
        {
            if (!SegmentMatches(patterns[i], segments[segments.Length - patterns.Length + i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SegmentMatches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> name)
    {
        if (pattern.IsEmpty)
        {
            return name.IsEmpty;
        }

        if (pattern[0] == '*')
        {
            for (var skip = 0; skip <= name.Length; skip++)
            {
                if (SegmentMatches(pattern[1..], name[skip..]))
                {
                    return true;
                }
            }

            return false;
        }

        return !name.IsEmpty
            && (pattern[0] == '?' || char.ToLowerInvariant(pattern[0]) == char.ToLowerInvariant(name[0]))
            && SegmentMatches(pattern[1..], name[1..]);
    }
}
