using CogLsp.Analysis.Workspace;

namespace CogLsp.Server.Rpc;

/// <summary>
/// The files whose diagnostics depend on a set of files: the files themselves, the requirements files a
/// cog.yaml among them uses (and their includes), and the cog.yaml files that use a requirements file
/// among them. This is why editing `gpu` in cog.yaml re-checks requirements.txt even when it is not open.
/// </summary>
public static class ProjectFiles
{
    public static IEnumerable<string> Related(WorkspaceSnapshot snapshot, IEnumerable<string> paths)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            Add(path);
            var kind = CogProjectLocator.KindOf(snapshot, path);
            if (kind == DocumentKind.CogYaml)
            {
                foreach (var requirements in CogProjectLocator.RequirementsClosure(snapshot, path))
                {
                    if (snapshot.FileExists(requirements))
                    {
                        Add(requirements);
                    }
                }
            }
            else if (kind == DocumentKind.Requirements)
            {
                foreach (var cogYaml in CogProjectLocator.FindCogYamlsUsing(snapshot, path))
                {
                    Add(cogYaml);
                    foreach (var sibling in CogProjectLocator.RequirementsClosure(snapshot, cogYaml))
                    {
                        if (snapshot.FileExists(sibling))
                        {
                            Add(sibling);
                        }
                    }
                }
            }
        }

        return result;

        void Add(string path)
        {
            if (seen.Add(path))
            {
                result.Add(path);
            }
        }
    }
}
