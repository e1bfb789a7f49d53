using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Tests.Requirements;

/// <summary>
/// The shared <see cref="TestWorkspace"/> with a requirements file under test: /p/requirements.txt, opened
/// as a requirements file whatever the path a test names instead.
/// </summary>
internal sealed class RequirementsTestWorkspace : TestWorkspace
{
    public const string Path = RequirementsPath;
    public const string CogYamlNamingIt = "build:\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n";

    public RequirementsTestWorkspace()
    {
        DocumentPath = Path;
        DocumentKind = CogLsp.Analysis.Workspace.DocumentKind.Requirements;
    }

    /// <summary>The shared markup reader, under the name the requirements tests have used.</summary>
    public static MarkedText ParseMarkup(string markup) => Markup.Parse(markup);

    public new RequirementsTestWorkspace With(string path, string text)
    {
        base.With(path, text);
        return this;
    }
}
