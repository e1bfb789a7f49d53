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

    /// <summary>The analysis of one line (usable on any requirement line, e.g. one written in cog.yaml).</summary>
    public static PerLineDiagnostics Lines { get; } = new(LineFlags.NotExactlyPinned, AnalyzeLine);

    public void Analyze(AnalysisContext context) => Lines.Run(context);

    private static void AnalyzeLine(RequirementsLine line, List<LineFinding> sink)
    {
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

        LineFinding finding;
        if (requirement.SpecifierListSpan is { } range)
        {
            finding = LineFinding.Create(D.NotPinned, range, $"'{requirement.Name.Text}' allows {SpecifierWords.Describe(requirement.SpecifierSet)}")
                .WithData(new PinFixData(requirement.Name.Text, requirement.NormalizedName!, line.FullText.Substring(range.Start, range.Length), range));
        }
        else
        {
            var span = requirement.Name.Span;
            var insertAt = requirement.Extras.IsEmpty ? span.End : requirement.Extras[^1].Span.End + 1;
            finding = LineFinding.Create(D.NotPinned, span, $"'{requirement.Name.Text}' has no version")
                .WithData(new PinFixData(requirement.Name.Text, requirement.NormalizedName!, string.Empty, new TextSpan(insertAt, 0)));
        }

        sink.Add(finding);
    }
}
