using System.Collections.Immutable;
using System.Numerics;
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

    /// <summary>The probe table, kept per thread between runs (it is as large as the file's line count).</summary>
    [ThreadStatic]
    private static int[]? t_table;

    public void Analyze(AnalysisContext context)
    {
        var tree = RequirementsDocument.GetSyntax(context.Document);
        if (!tree.HasRepeatedNameHashes)
        {
            // No two accepted requirements have names with the same hash, so no name occurs twice.
            return;
        }

        var lines = tree.Lines;

        // An open-addressing table of (line number, name hash) pairs keyed by the tree's name hashes: most
        // names occur once, so a keystroke in a long file costs one probe per requirement, reads no line
        // object unless two hashes meet, and allocates nothing. A name seen again gets the list of all its
        // lines, where markers decide.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, lines.Length * 2));
        var table = t_table is { } cached && cached.Length >= 2 * size ? cached : t_table = new int[2 * size];
        Array.Clear(table, 0, 2 * size);
        Dictionary<string, List<(int Index, RequirementSyntax Requirement)>>? more = null;
        foreach (var (index, line, _, flags, hash) in tree.LinesWith(LineFlags.Requirement))
        {
            if (hash == 0 || (flags & LineFlags.Errors) != 0)
            {
                continue;
            }

            var slot = hash & (size - 1);
            var firstIndex = -1;
            string? name = null;
            while (table[2 * slot] != 0)
            {
                var other = table[2 * slot] - 1;
                if (table[(2 * slot) + 1] == hash && (name ??= line.Requirement!.NormalizedName!) == lines[other].Requirement!.NormalizedName)
                {
                    firstIndex = other;
                    break;
                }

                slot = (slot + 1) & (size - 1);
            }

            if (firstIndex < 0)
            {
                table[2 * slot] = index + 1;
                table[(2 * slot) + 1] = hash;
                continue;
            }

            more ??= new Dictionary<string, List<(int, RequirementSyntax)>>(StringComparer.Ordinal);
            SeenAgain(context, tree, index, firstIndex, name!, more);
        }
    }

    /// <summary>
    /// Line <paramref name="index"/> names a package seen before (first on line <paramref name="firstIndex"/>).
    /// A method of its own: the lambda in it would otherwise cost an allocation on every line of the loop.
    /// </summary>
    private static void SeenAgain(AnalysisContext context, RequirementsSyntaxTree tree, int index, int firstIndex, string name, Dictionary<string, List<(int Index, RequirementSyntax Requirement)>> more)
    {
        var line = tree.Lines[index];
        var requirement = line.Requirement!;
        if (!more.TryGetValue(name, out var earlier))
        {
            more[name] = earlier = [(firstIndex, tree.Lines[firstIndex].Requirement!)];
        }

        var marker = MarkerKey(requirement);
        var match = earlier.FirstOrDefault(e => marker is null || MarkerKey(e.Requirement) is not { } otherMarker || otherMarker == marker);
        if (match.Requirement is not null)
        {
            Report(context, tree, index, line, requirement, match);
        }

        earlier.Add((index, requirement));
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
