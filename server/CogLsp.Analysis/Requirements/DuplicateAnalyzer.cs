using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Text;
using D = CogLsp.Analysis.Requirements.RequirementsDescriptors;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// REQ0202: the same package (PEP 503 name) on two lines. Two lines whose markers differ may target
/// different environments (`; sys_platform == 'linux'` and `; sys_platform == 'darwin'`), so they are
/// not duplicates; a line without marker overlaps every other line. The later line is reported, with
/// the first as related information.
/// </summary>
public sealed class DuplicateAnalyzer : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.Requirements;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [D.Duplicate];

    public void Analyze(AnalysisContext context)
    {
        // Only lines whose name hash the tree counts more than once can name a package seen before; in
        // most files there are none, and the tree knows that without reading its lines.
        var tree = RequirementsDocument.GetSyntax(context.Document);
        var repeated = tree.RepeatedNameHashes;
        if (repeated.Count == 0)
        {
            return;
        }

        var seen = new Dictionary<string, List<(int Index, RequirementSyntax Requirement)>>(StringComparer.Ordinal);
        foreach (var (index, line, _, flags, hash) in tree.LinesWith(LineFlags.Requirement))
        {
            if ((flags & LineFlags.Errors) != 0 || !repeated.Contains(hash))
            {
                continue;
            }

            var requirement = line.Requirement!;
            if (!seen.TryGetValue(requirement.NormalizedName!, out var earlier))
            {
                seen[requirement.NormalizedName!] = [(index, requirement)];
                continue;
            }

            // Markers decide: two lines whose markers differ may target different environments.
            var marker = MarkerKey(requirement);
            var match = earlier.Find(e => marker is null || MarkerKey(e.Requirement) is not { } otherMarker || otherMarker == marker);
            if (match.Requirement is not null)
            {
                Report(context, tree, index, line, requirement, match);
            }

            earlier.Add((index, requirement));
        }
    }

    private static void Report(AnalysisContext context, RequirementsSyntaxTree tree, int index, RequirementsLine line, RequirementSyntax requirement, (int Index, RequirementSyntax Requirement) first)
    {
        var firstSpan = tree.ToAbsolute(first.Index, first.Requirement.Name!.Span);
        var firstLine = context.Document.Text.GetLineIndex(firstSpan.Start) + 1;
        var diagnostic = Diagnostic.Create(D.Duplicate, context.Document.Path, tree.ToAbsolute(index, requirement.Name!.Span), requirement.Name.Text, firstLine)
            with
        { Related = [new RelatedLocation(context.Document.Path, firstSpan, $"'{first.Requirement.Name.Text}' is first required here")] };
        context.Report(diagnostic.WithData(new RemoveLineData(new TextSpan(tree.GetLineStart(index), line.FullWidth))));
    }

    private static string? MarkerKey(RequirementSyntax requirement) =>
        requirement.MarkerText is null ? null : string.Concat(requirement.MarkerText.Text.Where(c => !char.IsWhiteSpace(c))).Replace('"', '\'');
}
