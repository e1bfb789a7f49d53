using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Requirements;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// REQ06xx: each requirement against what the indexes pip reads in Cog's image list (see
/// <see cref="IndexDescriptors"/>). Reads only facts already in the snapshot: a requirement whose pages
/// have not answered yet gets nothing, and an index that could not be read marks no line, only one note
/// per file (REQ0610).
/// <para>
/// Keystrokes stay cheap with the index on: a line's findings are remembered with the line object, for
/// the plan and the facts they were made with. The incremental parser keeps every line an edit did not
/// touch, and the plan and facts stay the same objects while typing (<see cref="IndexLookups.Plan"/>), so
/// a keystroke looks up only the lines it changed; the others are placed where they now stand. Lines Cog
/// rewrites (torch…) depend on Cog's reading too and are looked up every time; there are few of them.
/// </para>
/// </summary>
public sealed class IndexAnalyzer : IDiagnosticAnalyzer
{
    private readonly ConditionalWeakTable<RequirementsLine, LineEntry> _entries = [];

    /// <summary>The last analysis of each file, by its plan (a plan serves one file and lives while it is current).</summary>
    private readonly ConditionalWeakTable<IndexFilePlan, FileState> _files = [];

    public DocumentKind Kind => DocumentKind.Requirements;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [.. IndexDescriptors.All];

    public void Analyze(AnalysisContext context)
    {
        if (IndexLookups.Plan(context.Workspace, context.Document) is not { } plan)
        {
            return;
        }

        var facts = context.Workspace.Indexes;
        var tree = RequirementsDocument.GetSyntax(context.Document);
        var lines = _files.TryGetValue(plan, out var last) && ReferenceEquals(last.Facts, facts) && Update(context.Workspace, plan, last, tree) is { } updated
            ? updated
            : All(context.Workspace, plan, tree, context.CancellationToken);
        _files.AddOrUpdate(plan, new FileState(tree, facts, lines));

        var path = context.Document.Path;
        var notChecked = new List<string>();
        string? problem = null;
        foreach (var line in lines)
        {
            if (line.Entry.Unknown)
            {
                notChecked.Add(line.Entry.Project);
                problem ??= line.Entry.Problem;
                continue;
            }

            foreach (var finding in line.Entry.Findings)
            {
                context.Report(finding.Place(path, line.Start));
            }
        }

        if (notChecked.Count > 0)
        {
            var first = lines.First(l => l.Entry.Unknown);
            context.Report(IndexFindings.NotChecked(IndexDescriptors.IndexUnavailable, first.Entry.Span, notChecked, problem).Place(path, first.Start));
        }
    }

    /// <summary>The lines of the file that have something to say (findings, or an index that could not answer), looking at every line.</summary>
    private ImmutableArray<PlacedEntry> All(WorkspaceSnapshot workspace, IndexFilePlan plan, RequirementsSyntaxTree tree, CancellationToken cancellationToken)
    {
        var result = ImmutableArray.CreateBuilder<PlacedEntry>();
        foreach (var (line, cogLine) in IndexLookups.LinesOf(plan, tree))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var entry = cogLine is null ? Remembered(workspace, plan, workspace.Indexes, line.Line) : Look(workspace, plan, line.Line, cogLine);
            if (entry is { IsLookup: true } && (entry.Unknown || !entry.Findings.IsEmpty))
            {
                result.Add(new PlacedEntry(line.Index, line.Start, entry));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// The lines with something to say after an edit, from those before it: only the lines the edit changed
    /// are looked at, the others are moved. Null when a changed line is one Cog touches (its reading of the
    /// line comes by position from the plan; the full pass counts).
    /// </summary>
    private ImmutableArray<PlacedEntry>? Update(WorkspaceSnapshot workspace, IndexFilePlan plan, FileState last, RequirementsSyntaxTree tree)
    {
        var changed = ChangedLines.Between(last.Tree, tree);
        if (changed.Unchanged)
        {
            return last.Lines;
        }

        if (!IndexLookups.Plain(tree, changed.AfterFirst, changed.AfterLast))
        {
            return null;
        }

        var result = ImmutableArray.CreateBuilder<PlacedEntry>(last.Lines.Length + 1);
        var i = 0;
        for (; i < last.Lines.Length && last.Lines[i].Index < changed.BeforeFirst; i++)
        {
            result.Add(last.Lines[i]);
        }

        // The changed lines are plain (checked above): none is one Cog touches.
        for (var index = changed.AfterFirst; index <= changed.AfterLast; index++)
        {
            if ((tree.GetFlags(index) & LineFlags.Requirement) == 0)
            {
                continue;
            }

            var entry = Remembered(workspace, plan, workspace.Indexes, tree.Lines[index]);
            if (entry is { IsLookup: true } && (entry.Unknown || !entry.Findings.IsEmpty))
            {
                result.Add(new PlacedEntry(index, tree.GetLineStart(index), entry));
            }
        }

        for (; i < last.Lines.Length; i++)
        {
            if (last.Lines[i].Index > changed.BeforeLast)
            {
                result.Add(last.Lines[i] with { Index = last.Lines[i].Index + changed.LineDelta, Start = last.Lines[i].Start + changed.OffsetDelta });
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The line's entry for this plan and these facts: remembered when it was made for them, else made and remembered.</summary>
    private LineEntry Remembered(WorkspaceSnapshot workspace, IndexFilePlan plan, IndexFacts facts, RequirementsLine line)
    {
        if (_entries.TryGetValue(line, out var known) && ReferenceEquals(known.Plan, plan) && ReferenceEquals(known.Facts, facts))
        {
            return known;
        }

        var entry = Look(workspace, plan, line, null) ?? new LineEntry(plan, facts, false, string.Empty, default, false, null, []);
        _entries.AddOrUpdate(line, entry);
        return entry;
    }

    /// <summary>The findings of one line at offset 0 (null when pip does not look it up, or its pages have not answered yet).</summary>
    private static LineEntry? Look(WorkspaceSnapshot workspace, IndexFilePlan plan, RequirementsLine line, Cog.CogLineResolution? cogLine)
    {
        if (IndexLookups.ForLine(plan, 0, line, 0, cogLine) is not { } lookup)
        {
            return null;
        }

        var facts = workspace.Indexes;
        if (IndexPicks.Get(workspace, lookup) is not { } pick)
        {
            // Not answered yet: no finding, and no note either (the fetcher is on its way).
            return new LineEntry(plan, facts, false, lookup.Project, lookup.Span, false, null, []);
        }

        if (pick.Outcome == PickOutcome.Unknown)
        {
            return new LineEntry(plan, facts, true, lookup.Project, lookup.Span, true, IndexFindings.UnavailableProblem(pick), []);
        }

        var sink = new List<LineFinding>();
        IndexFindings.Add(lookup, pick, sink);
        return new LineEntry(plan, facts, true, lookup.Project, lookup.Span, false, null, [.. sink]);
    }

    /// <summary>A line with something to say, where it stands in the file.</summary>
    private sealed record PlacedEntry(int Index, int Start, LineEntry Entry);

    /// <summary>The lines with something to say in <see cref="Tree"/>, for the facts they were found with.</summary>
    private sealed record FileState(RequirementsSyntaxTree Tree, IndexFacts Facts, ImmutableArray<PlacedEntry> Lines);

    /// <summary>
    /// One line's index findings (spans relative to the line) for a plan and facts. <see cref="IsLookup"/>
    /// is false for a line pip does not look up and for one whose pages have not answered; <see cref="Unknown"/>
    /// marks a line an index could not answer for, with <see cref="Problem"/>.
    /// </summary>
    private sealed record LineEntry(IndexFilePlan Plan, IndexFacts Facts, bool IsLookup, string Project, TextSpan Span, bool Unknown, string? Problem, ImmutableArray<LineFinding> Findings);
}
