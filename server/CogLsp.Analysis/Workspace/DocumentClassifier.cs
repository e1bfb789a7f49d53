namespace CogLsp.Analysis.Workspace;

/// <summary>
/// Tells a file's kind from its name alone, by the globs of <see cref="DocumentKindRegistration.All"/>
/// (cog.yaml / cog.yml; requirements*.txt, requirements/*.txt, constraints*.txt, pip-tools *.in). Files
/// named by a cog.yaml's python_requirements or by an include are requirements files whatever their
/// name; the project graph decides those.
/// </summary>
public static class DocumentClassifier
{
    public static DocumentKind ClassifyByName(string path) =>
        DocumentKindRegistration.All.FirstOrDefault(r => r.Matches(path))?.Kind ?? DocumentKind.Unknown;
}
