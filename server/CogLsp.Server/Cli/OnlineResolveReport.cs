using System.Text;
using System.Text.Json.Nodes;
using CogLsp.Analysis.Indexes;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Server.Cli;

/// <summary>
/// `resolve --online`: for every requirement of the project's requirements file, the version and file pip
/// picks in the image from the indexes it reads (the same picks the editor's hovers show).
/// </summary>
public static class OnlineResolveReport
{
    public sealed record Row(int Line, string Requirement, string Outcome, string? Version, string? File, string? Index, bool Yanked, bool FromSource);

    public static IReadOnlyList<Row> Rows(WorkspaceSnapshot workspace, Document requirements)
    {
        var rows = new List<Row>();
        foreach (var lookup in IndexLookups.For(workspace, requirements))
        {
            var pick = IndexPicks.Get(workspace, lookup);
            var requirement = lookup.Project + lookup.Specifier;
            var picked = pick?.Picked;
            rows.Add(new Row(
                lookup.Line + 1,
                requirement,
                pick is null ? "not-read" : Kebab(pick.Outcome),
                picked?.Version.ToString(),
                pick?.Outcome == PickOutcome.Picked ? picked?.BestFile?.FileName : null,
                picked?.Source.DisplayUrl,
                picked?.Yanked ?? false,
                pick?.Outcome == PickOutcome.Picked && picked!.BuildsFromSource));
        }

        return rows;
    }

    public static string RenderText(IReadOnlyList<Row> rows, ImageTarget? target)
    {
        var text = new StringBuilder();
        text.Append("pip in the image").Append(target is null ? string.Empty : $" ({IndexPicks.Describe(target)})").Append(":\n");
        foreach (var row in rows)
        {
            text.Append("  line ").Append(row.Line).Append(": ").Append(row.Requirement).Append(" -> ");
            text.Append(row.Outcome == "picked"
                ? $"{row.Version} {row.File}{(row.FromSource ? " (sdist: built from source in the image)" : string.Empty)}{(row.Yanked ? " (yanked)" : string.Empty)} from {row.Index}"
                : row.Outcome);
            text.Append('\n');
        }

        return text.ToString();
    }

    public static JsonArray RenderJson(IReadOnlyList<Row> rows) =>
        [.. rows.Select(r => (JsonNode)new JsonObject
        {
            ["line"] = r.Line,
            ["requirement"] = r.Requirement,
            ["outcome"] = r.Outcome,
            ["version"] = r.Version,
            ["file"] = r.File,
            ["index"] = r.Index,
            ["yanked"] = r.Yanked,
            ["built_from_source"] = r.FromSource,
        })];

    private static string Kebab(PickOutcome outcome) => outcome switch
    {
        PickOutcome.Picked => "picked",
        PickOutcome.PinNotListed => "version-not-listed",
        PickOutcome.NothingMatches => "no-version-matches",
        PickOutcome.ProjectNotFound => "not-found",
        PickOutcome.NoFileForImage => "no-file-for-image",
        PickOutcome.HashMismatch => "hash-mismatch",
        _ => "unknown",
    };
}
