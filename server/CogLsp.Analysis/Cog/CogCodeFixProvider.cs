using System.Collections.Immutable;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// Fixes for what Cog's resolution reports: lines Cog reads differently from pip (<see cref="ReplacementData"/>
/// replaces the span), making a torch/torchvision rewrite explicit in the file, and Cog's own CUDA
/// suggestion (<see cref="SuggestedCudaData"/>). The explicit-rewrite fix is offered only when resolving
/// the edited file gives the same installation as Cog's rewrite did.
/// </summary>
public sealed class CogCodeFixProvider(ICogConfigProvider configs) : ICodeFixProvider
{
    private static readonly string RewriteId = CogDiagnostics.ForRequirement(CogFindingKind.FrameworkPinRewritten).Id;

    private static readonly ImmutableHashSet<string> ReplacementIds =
    [
        CogDiagnostics.ForRequirement(CogFindingKind.HashCutsLine).Id,
        CogDiagnostics.ForRequirement(CogFindingKind.SpacedPinNotRewritten).Id,
        CogDiagnostics.ForRequirement(CogFindingKind.DottedNameTruncated).Id,
    ];

    public ImmutableArray<string> FixableDiagnosticIds { get; } = [.. ReplacementIds, RewriteId, CogDiagnostics.CogWarning.Id];

    public IEnumerable<CodeActionItem> GetFixes(CodeFixContext context)
    {
        var diagnostic = context.Diagnostic;
        var document = context.Document;
        if (ReplacementIds.Contains(diagnostic.Id) && diagnostic.Data is ReplacementData { Text: var replacement })
        {
            yield return new CodeActionItem($"Write `{replacement}` so Cog and pip read the same requirement", CodeActionItem.QuickFix, _ => Edit(document, [new TextChange(diagnostic.Span, replacement)]))
            {
                IsPreferred = true,
                FixAllKey = "write the requirement as Cog and pip both read it",
            };
        }
        else if (diagnostic.Id == RewriteId && MakeExplicit(context) is { } explicitFix)
        {
            yield return explicitFix;
        }
        else if (diagnostic.Id == CogDiagnostics.CogWarning.Id && diagnostic.Data is SuggestedCudaData { Cuda: var cuda })
        {
            var value = document.Text.ToString(diagnostic.Span);
            var quoted = value.StartsWith('\'') ? $"'{cuda}'" : $"\"{cuda}\"";
            yield return new CodeActionItem($"Set build.cuda to {cuda} (Cog's suggestion)", CodeActionItem.QuickFix, _ => Edit(document, [new TextChange(diagnostic.Span, quoted)]))
            {
                IsPreferred = true,
            };
        }
    }

    private static WorkspaceEditModel Edit(Document document, ImmutableArray<TextChange> changes) =>
        new([new EditFileChange(document.Path, document.Version, changes)]);

    private CodeActionItem? MakeExplicit(CodeFixContext context)
    {
        var workspace = context.Workspace;
        var document = context.Document;
        var config = configs.FindConfigFor(workspace, document);
        if (config is null)
        {
            return null;
        }

        var before = CogResolutionCache.Get(workspace, config);
        var line = before.Lines.FirstOrDefault(l => !l.Line.FromPythonPackages && l.Span.IntersectsWith(context.Diagnostic.Span) && l.InstalledVersion is not null && CogPackages.IsPyTorchPackage(l.Package));
        if (line is null || before.Error is not null)
        {
            return null;
        }

        var text = document.Text;
        var pin = context.Diagnostic.Span;
        var changes = ImmutableArray.CreateBuilder<TextChange>();
        changes.Add(new TextChange(pin, $"{line.Package}=={line.InstalledVersion}"));
        var existing = text.Text.Split('\n').Select(l => l.Trim().TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        var header = string.Concat(
            line.ExtraIndexUrls.Select(u => "--extra-index-url " + u).Concat(line.FindLinks.Select(u => "--find-links " + u))
                .Where(option => !existing.Contains(option.TrimEnd('/')))
                .Select(option => option + text.PreferredLineBreak));
        if (header.Length > 0)
        {
            // Before the pin: on the first line both start at 0, and the insertion must come first.
            changes.Insert(0, new TextChange(new TextSpan(0, 0), header));
        }

        var edited = text.WithChanges(changes);
        var after = CogResolver.Resolve(config, edited.Text, workspace.Options.TargetOs, workspace.Options.TargetArch);
        if (!SameInstallation(before, after, line))
        {
            return null;
        }

        var title = $"Pin {line.Package}=={line.InstalledVersion} explicitly" + (header.Length > 0 ? " and add its index URL" : string.Empty);
        var result = changes.ToImmutable();
        return new CodeActionItem(title, CodeActionItem.QuickFix, _ => Edit(document, result))
        {
            FixAllKey = "make Cog's torch rewrites explicit",
        };
    }

    /// <summary>The edited file installs the same: same CUDA, cuDNN and image, the same indexes, and this package at the same version.</summary>
    private static bool SameInstallation(CogResolution before, CogResolution after, CogLineResolution line)
    {
        if (after.Error is not null || after.Cuda != before.Cuda || after.Cudnn != before.Cudnn || after.BaseImage != before.BaseImage)
        {
            return false;
        }

        static ImmutableHashSet<string> Indexes(CogResolution r) =>
            r.RequirementLines.Where(l => l.StartsWith('-')).Select(l => l.TrimEnd('/')).ToImmutableHashSet(StringComparer.Ordinal);

        if (!Indexes(before).SetEquals(Indexes(after)))
        {
            return false;
        }

        var same = after.Lines.FirstOrDefault(l => l.Package == line.Package && !l.Line.FromPythonPackages);
        var installed = same?.InstalledVersion ?? same?.RequestedVersion;
        return installed == line.InstalledVersion;
    }
}
