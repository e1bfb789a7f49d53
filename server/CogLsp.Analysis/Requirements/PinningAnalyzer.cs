using System.Collections.Immutable;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Text;
using D = CogLsp.Analysis.Requirements.RequirementsDescriptors;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// REQ0201: a named requirement without one exact `==` pin, except cog and coglet, which Cog removes.
/// The range (or the name when there is no version at all) is highlighted. A fixer gets <see cref="PinFixData"/>.
/// </summary>
public sealed class PinningAnalyzer : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.Requirements;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [D.NotPinned];

    private static readonly PerLineDiagnostics Lines = new(LineFlags.NotExactlyPinned, AnalyzeLine);

    public void Analyze(AnalysisContext context) => Lines.Run(context);

    private static void AnalyzeLine(AnalysisContext context, RequirementsSyntaxTree tree, int index, List<Diagnostic> sink)
    {
        var line = tree.Lines[index];
        if (line.Requirement is not { } requirement || line.HasErrors || requirement.Form != RequirementForm.Named || requirement.Location is not null || requirement.Name is null || requirement.IsExactlyPinned)
        {
            return;
        }

        // Cog removes every cog/coglet line before pip runs, whatever its config (REQ0517 says so): no pin to
        // ask for. Decided by the name alone, as Cog does (case folded, extras aside), so the verdict stays line-local.
        if (CogPackages.IsManaged(requirement.Name.Text.ToLowerInvariant()))
        {
            return;
        }

        Diagnostic diagnostic;
        if (requirement.SpecifierListSpan is { } range)
        {
            var span = tree.ToAbsolute(index, range);
            diagnostic = Diagnostic.Create(D.NotPinned, context.Document.Path, span, $"'{requirement.Name.Text}' allows {SpecifierWords.Describe(requirement.SpecifierSet)}")
                .WithData(new PinFixData(requirement.Name.Text, requirement.NormalizedName!, line.FullText.Substring(range.Start, range.Length), span));
        }
        else
        {
            var span = tree.ToAbsolute(index, requirement.Name.Span);
            var insertAt = requirement.Extras.IsEmpty ? span.End : tree.ToAbsolute(index, requirement.Extras[^1].Span).End + 1;
            diagnostic = Diagnostic.Create(D.NotPinned, context.Document.Path, span, $"'{requirement.Name.Text}' has no version")
                .WithData(new PinFixData(requirement.Name.Text, requirement.NormalizedName!, string.Empty, new TextSpan(insertAt, 0)));
        }

        sink.Add(diagnostic);
    }
}
