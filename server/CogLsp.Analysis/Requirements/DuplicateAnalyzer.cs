using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;
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
        var tree = RequirementsDocument.GetSyntax(context.Document);

        // Most names occur once: the first line of each name is kept alone, a list only for names seen again.
        var first = new Dictionary<string, (int Index, RequirementSyntax Requirement)>(StringComparer.Ordinal);
        Dictionary<string, List<(int Index, RequirementSyntax Requirement)>>? more = null;
        for (var index = 0; index < tree.Lines.Length; index++)
        {
            var line = tree.Lines[index];
            if (line.Requirement is not { } requirement || line.HasErrors || requirement.NormalizedName is not { } name)
            {
                continue;
            }

            if (!first.TryGetValue(name, out var firstOfName))
            {
                first[name] = (index, requirement);
                continue;
            }

            more ??= new Dictionary<string, List<(int, RequirementSyntax)>>(StringComparer.Ordinal);
            if (!more.TryGetValue(name, out var earlier))
            {
                more[name] = earlier = [firstOfName];
            }

            var marker = MarkerKey(requirement);
            var match = earlier.FirstOrDefault(e => marker is null || MarkerKey(e.Requirement) is not { } other || other == marker);
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
        context.Report(diagnostic.WithProperty("lineSpanStart", tree.GetLineStart(index).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithProperty("lineSpanLength", line.FullWidth.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static string? MarkerKey(RequirementSyntax requirement) =>
        requirement.MarkerText is null ? null : string.Concat(requirement.MarkerText.Text.Where(c => !char.IsWhiteSpace(c))).Replace('"', '\'');
}
