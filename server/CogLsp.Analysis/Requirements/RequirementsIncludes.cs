using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Requirements;

/// <summary>The `-r`/`-c` includes of a requirements file, resolved as pip resolves them (relative to the including file).</summary>
public static class RequirementsIncludes
{
    /// <summary>One include: the option, its path as written, where the path is (document offsets) and the resolved path (null for a URL).</summary>
    public sealed record Include(OptionSyntax Option, string Written, TextSpan PathSpan, string? ResolvedPath, bool IsConstraint);

    public static IEnumerable<Include> Get(Document document)
    {
        var tree = RequirementsDocument.GetSyntax(document);
        foreach (var entry in tree.LinesWith(LineFlags.Options))
        {
            var index = entry.Index;
            var line = entry.Line;
            if (line.HasErrors || line.Requirement is not null)
            {
                continue;
            }

            foreach (var option in line.Options)
            {
                if (option.Option is not { Scope: OptionScope.Include } o || option.Value is not { } value)
                {
                    continue;
                }

                var written = value.Text;
                var resolved = PipUrls.GetScheme(written) is "http" or "https" or "file" ? null : PathUtil.Resolve(document.Directory, written);
                yield return new Include(option, written, tree.ToAbsolute(index, value.Span), resolved, o == RequirementsOption.Constraint);
            }
        }
    }
}
