using System.Runtime.CompilerServices;
using CogLsp.Analysis.Requirements;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.Requirements;

/// <summary>
/// A requirements document edited in the editor finds the tree of its earlier version by itself: the
/// server only replaces the text, and the first reader of the new tree re-parses only the edited lines.
/// </summary>
public class DerivedTreeTests
{
    private static readonly string Text = string.Concat(Enumerable.Range(0, 600).Select(i => $"pkg{i}=={i}.0\n"));

    private static WorkspaceSnapshot Edit(WorkspaceSnapshot snapshot, int version, params TextChange[] changes)
    {
        var text = snapshot.OpenDocuments[RequirementsTestWorkspace.Path].Text;
        foreach (var change in changes)
        {
            text = text.WithChanges([change]);
        }

        return snapshot.WithOpenDocument(RequirementsTestWorkspace.Path, text, version, DocumentKind.Requirements);
    }

    [Fact]
    public void The_tree_of_an_edited_document_reuses_the_lines_the_edit_left_alone()
    {
        var (snapshot, before) = new RequirementsTestWorkspace().Open(Text);
        var old = RequirementsDocument.GetSyntax(before);

        // Two changes in one didChange: the second's offsets refer to the text after the first.
        var edited = Edit(snapshot, 2, new TextChange(new TextSpan(0, 4), "numpy"), new TextChange(new TextSpan(Text.Length + 1, 0), "scipy==1\n"));
        var tree = RequirementsDocument.GetSyntax(edited.OpenDocuments[RequirementsTestWorkspace.Path]);

        Assert.Equal(RequirementsSyntaxTree.Parse(edited.OpenDocuments[RequirementsTestWorkspace.Path].Text.ToString()).Dump(), tree.Dump());
        Assert.True(tree.CountSharedLines(old) >= 598, $"{tree.CountSharedLines(old)} lines shared");
    }

    [Fact]
    public void Versions_nobody_parsed_are_skipped_over()
    {
        var (snapshot, before) = new RequirementsTestWorkspace().Open(Text);
        var old = RequirementsDocument.GetSyntax(before);
        for (var version = 2; version < 6; version++)
        {
            snapshot = Edit(snapshot, version, new TextChange(new TextSpan(version * 12, 0), "#"));
        }

        var document = snapshot.OpenDocuments[RequirementsTestWorkspace.Path];
        var tree = RequirementsDocument.GetSyntax(document);
        Assert.Equal(RequirementsSyntaxTree.Parse(document.Text.ToString()).Dump(), tree.Dump());
        Assert.True(tree.CountSharedLines(old) >= 590, $"{tree.CountSharedLines(old)} lines shared");
    }

    [Fact]
    public void Every_tree_of_a_long_run_of_parsed_edits_is_derived_from_the_one_before()
    {
        var (snapshot, before) = new RequirementsTestWorkspace().Open(Text);
        var previous = RequirementsDocument.GetSyntax(before);
        for (var version = 2; version < 40; version++)
        {
            snapshot = Edit(snapshot, version, new TextChange(new TextSpan(0, 0), "#"));
            var tree = RequirementsDocument.GetSyntax(snapshot.OpenDocuments[RequirementsTestWorkspace.Path]);
            Assert.True(tree.CountSharedLines(previous) >= 598, $"version {version}: {tree.CountSharedLines(previous)} lines shared");
            previous = tree;
        }
    }

    [Fact]
    public void A_document_whose_text_was_replaced_whole_is_parsed_afresh()
    {
        var (snapshot, before) = new RequirementsTestWorkspace().Open(Text);
        var old = RequirementsDocument.GetSyntax(before);
        var replaced = snapshot.WithOpenDocument(RequirementsTestWorkspace.Path, SourceText.From(Text + "x\n"), 2, DocumentKind.Requirements);
        var tree = RequirementsDocument.GetSyntax(replaced.OpenDocuments[RequirementsTestWorkspace.Path]);
        Assert.Equal(0, tree.CountSharedLines(old));
        Assert.Equal(RequirementsSyntaxTree.Parse(Text + "x\n").Dump(), tree.Dump());
    }

    [Fact]
    public void An_edited_document_lets_go_of_its_predecessor_once_its_tree_is_derived()
    {
        var (earlier, later) = EditedAndParsed();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(earlier.IsAlive);
        Assert.NotNull(RequirementsDocument.GetSyntax(later));
    }

    [Fact]
    public void A_document_keeps_a_bounded_number_of_unparsed_predecessors()
    {
        var (first, last) = EditedManyTimesWithoutParsing(Document.MaxPredecessors + 2);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(first.IsAlive);
        Assert.Equal(Text.Length + Document.MaxPredecessors + 1, last.Text.Length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Earlier, Document Later) EditedAndParsed()
    {
        var (snapshot, before) = new RequirementsTestWorkspace().Open(Text);
        var tree = RequirementsDocument.GetSyntax(before);
        var after = Edit(snapshot, 2, new TextChange(new TextSpan(0, 0), "#")).OpenDocuments[RequirementsTestWorkspace.Path];
        RequirementsDocument.GetSyntax(after);

        // What the earlier version memoised (its tree, and the text the tree holds) must be free to go.
        return (new WeakReference(tree), after);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference First, Document Last) EditedManyTimesWithoutParsing(int edits)
    {
        var (snapshot, first) = new RequirementsTestWorkspace().Open(Text);
        var tree = RequirementsDocument.GetSyntax(first);
        for (var version = 2; version <= edits; version++)
        {
            snapshot = Edit(snapshot, version, new TextChange(new TextSpan(0, 0), "#"));
        }

        return (new WeakReference(tree), snapshot.OpenDocuments[RequirementsTestWorkspace.Path]);
    }
}
