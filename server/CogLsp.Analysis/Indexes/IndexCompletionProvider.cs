using System.Globalization;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Pep440;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// Versions after a version operator (`==`, `>=`, `~=`…), newest first, from the indexes pip reads in
/// Cog's image, once they have answered for the package. Yanked releases, pre-releases and versions with
/// no file for the image are marked (and sorted after the others).
/// </summary>
public sealed class IndexCompletionProvider : ICompletionProvider
{
    private static readonly string[] Operators = ["===", "==", "~=", "!=", ">=", "<=", ">", "<"];

    public DocumentKind Kind => DocumentKind.Requirements;

    public IEnumerable<CompletionItem> GetCompletions(FeatureContext context, int offset)
    {
        if (IndexLookups.Plan(context.Workspace, context.Document) is not { } plan)
        {
            return [];
        }

        var text = context.Document.Text;
        offset = Math.Clamp(offset, 0, text.Length);
        var lineStart = text.GetLineStart(text.GetLineIndex(offset));
        var before = text.ToString(TextSpan.FromBounds(lineStart, offset));
        if (Split(before) is not ({ } name, var versionStart))
        {
            return [];
        }

        return Versions(context.Workspace, plan, name, TextSpan.FromBounds(lineStart + versionStart, offset));
    }

    /// <summary>The versions of <paramref name="name"/> on the plan's sources as completion items replacing <paramref name="replace"/>; none until every source has answered.</summary>
    internal static IEnumerable<CompletionItem> Versions(WorkspaceSnapshot workspace, IndexFilePlan plan, string name, TextSpan replace)
    {
        var project = PackageName.Normalize(name);
        var answers = new List<IndexAnswer>();
        foreach (var source in plan.Sources)
        {
            if (workspace.Indexes.Get(new IndexQuery(source, project)) is not { } answer)
            {
                return [];
            }

            answers.Add(answer);
        }

        var pick = PipPicker.Pick(project, Pep440SpecifierSet.Empty, plan.Pre, plan.Target, answers);
        return pick.Versions.Select((v, i) =>
        {
            var marks = Marks(v);
            return new CompletionItem(v.Version.ToString(), CompletionKind.Value, replace)
            {
                Detail = marks.Length == 0 ? "installs in the image" : string.Join(", ", marks),
                Deprecated = v.Yanked,
                SortText = (marks.Length == 0 ? "0" : "1") + i.ToString("D5", CultureInfo.InvariantCulture),
            };
        }).ToList();
    }

    private static string[] Marks(CandidateVersion version) =>
        new[]
        {
            version.Yanked ? "yanked" + (string.IsNullOrWhiteSpace(version.YankedReason) ? string.Empty : ": " + version.YankedReason.Trim()) : null,
            version.IsPrerelease ? "pre-release" : null,
            version.BestFile is null ? "no file for the image" : version.BuildsFromSource ? "built from source" : null,
        }.OfType<string>().ToArray();

    /// <summary>The package name and where the version being typed starts, when the text before the cursor ends in `name[extras] OP partial-version` (also after a comma).</summary>
    internal static (string Name, int VersionStart)? Split(string before)
    {
        var versionStart = before.Length;
        while (versionStart > 0 && (char.IsAsciiLetterOrDigit(before[versionStart - 1]) || before[versionStart - 1] is '.' or '*' or '+' or '!'))
        {
            versionStart--;
        }

        var head = before[..versionStart].TrimEnd();
        if (!Operators.Any(op => head.EndsWith(op, StringComparison.Ordinal)))
        {
            return null;
        }

        // The name is the first word of the line (before any extras, specifiers or spaces).
        var line = before.TrimStart();
        var end = 0;
        while (end < line.Length && (char.IsAsciiLetterOrDigit(line[end]) || line[end] is '-' or '_' or '.'))
        {
            end++;
        }

        var name = line[..end];
        return name.Length > 0 && PackageName.IsValid(name) ? (name, versionStart) : null;
    }
}
