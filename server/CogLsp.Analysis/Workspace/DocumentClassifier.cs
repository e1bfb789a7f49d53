namespace CogLsp.Analysis.Workspace;

/// <summary>
/// Tells a file's kind from its name alone: cog.yaml / cog.yml, and pip's usual requirements names
/// (requirements*.txt, requirements/*.txt, constraints*.txt, pip-tools *.in). Files named by a
/// cog.yaml's python_requirements or by an include are requirements files whatever their name; the
/// project graph decides those.
/// </summary>
public static class DocumentClassifier
{
    public static DocumentKind ClassifyByName(string path)
    {
        var name = PathUtil.GetFileName(path);
        var lower = name.ToLowerInvariant();
        if (lower is "cog.yaml" or "cog.yml")
        {
            return DocumentKind.CogYaml;
        }

        if (lower.EndsWith(".txt", StringComparison.Ordinal) && (lower.StartsWith("requirements", StringComparison.Ordinal) || lower.StartsWith("constraints", StringComparison.Ordinal)))
        {
            return DocumentKind.Requirements;
        }

        if (lower.EndsWith(".txt", StringComparison.Ordinal) && PathUtil.GetFileName(PathUtil.GetDirectory(path)).Equals("requirements", StringComparison.OrdinalIgnoreCase))
        {
            return DocumentKind.Requirements;
        }

        if (lower.EndsWith(".in", StringComparison.Ordinal) && lower.Length > 3)
        {
            return DocumentKind.Requirements;
        }

        return DocumentKind.Unknown;
    }
}
