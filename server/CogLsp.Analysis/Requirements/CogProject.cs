using System.Text.RegularExpressions;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// Finds the Cog project a requirements file belongs to: the nearest cog.yaml above it whose
/// `python_requirements` names this file. Cog's own rules for the file (local artifacts, local
/// includes) apply only then. A plain text match keeps this slice independent of the cog.yaml model.
/// </summary>
public static partial class CogProject
{
    /// <summary>The project directory when a cog.yaml there names <paramref name="document"/> as its python_requirements, else null.</summary>
    public static string? FindRootNaming(WorkspaceSnapshot workspace, Document document)
    {
        var directory = document.Directory;
        for (var depth = 0; depth < 32; depth++)
        {
            foreach (var name in (ReadOnlySpan<string>)["cog.yaml", "cog.yml"])
            {
                var cog = workspace.GetDocument(directory.TrimEnd('/') + "/" + name);
                if (cog is not null)
                {
                    var m = PythonRequirements().Match(cog.Text.Text);
                    return m.Success && PathUtil.Resolve(directory, m.Groups["path"].Value) == document.Path ? directory : null;
                }
            }

            var parent = PathUtil.GetDirectory(directory);
            if (parent == directory || parent is "." or "")
            {
                return null;
            }

            directory = parent;
        }

        return null;
    }

    [GeneratedRegex(@"^[ \t]+python_requirements[ \t]*:[ \t]*[""']?(?<path>[^""'#\r\n]+?)[""']?[ \t]*(#.*)?$", RegexOptions.Multiline)]
    private static partial Regex PythonRequirements();
}
