using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Requirements;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.Requirements;

/// <summary>
/// Findings of line-local analyzers are remembered per line object and placed where the line stands
/// now: everything that names a document offset moves with the line.
/// </summary>
public class LineFindingTests
{
    [Fact]
    public void A_pin_fix_position_moves_with_its_line_when_an_edit_before_it_moves_the_line()
    {
        var (snapshot, before) = new RequirementsTestWorkspace().Open("numpy>=1\n");
        var service = new DiagnosticService(LanguageServices.CreateDefault());
        var first = Assert.Single(service.GetDiagnostics(snapshot, before), d => d.Id == "REQ0201");
        Assert.Equal(new TextSpan(5, 3), Assert.IsType<PinFixData>(first.Data).Replace);

        // "numpy>=1" is now the second line: ">=1" starts at 9 + 5.
        var change = new TextChange(new TextSpan(0, 0), "scipy==1\n");
        var edited = snapshot.WithOpenDocument(RequirementsTestWorkspace.Path, before.Text.WithChanges([change]), 2, CogLsp.Analysis.Workspace.DocumentKind.Requirements);
        var after = edited.OpenDocuments[RequirementsTestWorkspace.Path];
        RequirementsDocument.GetSyntax(after);
        var moved = Assert.Single(service.GetDiagnostics(edited, after), d => d.Id == "REQ0201");
        Assert.Equal(new TextSpan(14, 3), moved.Span);
        Assert.Equal(new TextSpan(14, 3), Assert.IsType<PinFixData>(moved.Data).Replace);
    }
}
