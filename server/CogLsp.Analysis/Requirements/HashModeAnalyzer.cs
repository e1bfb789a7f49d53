using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;
using D = CogLsp.Analysis.Requirements.RequirementsDescriptors;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// pip's hash-checking mode (REQ0203–REQ0205): once any requirement of the file has `--hash`, or the file
/// sets `--require-hashes`, every requirement needs a hash and an exact `==` pin; editables are refused.
/// Judged per file: hashes in included files are their own file's concern.
/// </summary>
public sealed class HashModeAnalyzer : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.Requirements;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [D.MissingHash, D.HashNeedsPin, D.HashOnOptionLine];

    public void Analyze(AnalysisContext context)
    {
        var tree = RequirementsDocument.GetSyntax(context.Document);
        var hashMode = false;
        foreach (var entry in tree.LinesWith(LineFlags.Options))
        {
            var index = entry.Index;
            var line = entry.Line;
            foreach (var option in line.Options)
            {
                if (line.Requirement is null && option.Option == RequirementsOption.Hash && !line.HasErrors)
                {
                    context.Report(D.HashOnOptionLine, tree.ToAbsolute(index, option.Span));
                }

                hashMode |= option.Option == RequirementsOption.RequireHashes || (option.Option == RequirementsOption.Hash && line.Requirement is { IsEditable: false });
            }
        }

        if (!hashMode)
        {
            return;
        }

        foreach (var (index, line, requirement) in tree.Requirements())
        {
            if (line.HasErrors)
            {
                continue;
            }

            var label = requirement.Name?.Text ?? requirement.Location?.Text ?? "this requirement";
            var nameSpan = tree.ToAbsolute(index, requirement.Name?.Span ?? requirement.Location?.Span ?? requirement.Span);
            var hasHash = !requirement.IsEditable && line.Options.Any(o => o.Option == RequirementsOption.Hash);
            if (!hasHash)
            {
                context.Report(D.MissingHash, nameSpan, requirement.IsEditable ? $"{label} is editable, which pip refuses" : label);
            }

            if (requirement.Form == RequirementForm.Named && requirement.Location is null && !requirement.IsExactlyPinned)
            {
                context.Report(D.HashNeedsPin, requirement.SpecifierListSpan is { } s ? tree.ToAbsolute(index, s) : nameSpan, label);
            }
        }
    }
}
