using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// The `-r`/`-c` includes of a requirements file, resolved as pip resolves them (relative to the including
/// file). pip follows one include per line: the first `-r`, else the first `-c` (pip 23.2 and 24.2,
/// `_parse_and_recurse` in pip/_internal/req/req_file.py); every other option on that line is dropped.
/// </summary>
public static class RequirementsIncludes
{
    /// <summary>The include pip follows on <paramref name="line"/>, or null when pip follows none there (a line with a requirement never includes).</summary>
    public static OptionSyntax? Followed(RequirementsLine line)
    {
        if (line.Requirement is not null)
        {
            return null;
        }

        OptionSyntax? constraint = null;
        foreach (var option in line.Options)
        {
            if (option.Option == RequirementsOption.Requirement)
            {
                return option;
            }

            if (option.Option == RequirementsOption.Constraint)
            {
                constraint ??= option;
            }
        }

        return constraint;
    }

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

            if (Followed(line) is not { Value: { } value } option)
            {
                continue;
            }

            var written = value.Text;
            var resolved = PipUrls.GetScheme(written) is "http" or "https" or "file" ? null : PathUtil.Resolve(document.Directory, written);
            yield return new Include(option, written, tree.ToAbsolute(index, value.Span), resolved, option.Option == RequirementsOption.Constraint);
        }
    }
}
