using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// REQ0517 (Cog removes a cog/coglet line and installs its own SDK): for `cog==VERSION`, move the pin to
/// build.sdk_version in the cog.yaml that uses the file (replacing the value there, or adding the key at
/// the end of the build section) and remove the line; the move is offered only when Cog accepts that
/// sdk_version (0.16.0 or later). Otherwise, and for coglet (which follows the SDK), remove the line.
/// Only the line's own physical lines are removed; cog.yaml changes by one value or one added line, and
/// a cog.yaml the editing helpers cannot change line by line gets no move.
/// </summary>
public sealed partial class ManagedPackageFixProvider(ICogConfigProvider configs) : ICodeFixProvider
{
    private static readonly string ManagedId = CogDiagnostics.ForRequirement(CogFindingKind.ManagedPackageDropped).Id;

    public ImmutableArray<string> FixableDiagnosticIds { get; } = [ManagedId];

    public IEnumerable<CodeActionItem> GetFixes(CodeFixContext context)
    {
        var document = context.Document;
        var text = document.Text;
        var span = context.Diagnostic.Span;
        if (span.End > text.Length || document.Kind != DocumentKind.Requirements)
        {
            yield break;
        }

        var first = text.GetLineIndex(span.Start);
        var last = text.GetLineIndex(span.End);
        var lines = TextSpan.FromBounds(text.GetLineStart(first), text.GetLineEndIncludingBreak(last));
        var removal = new TextChange(lines, string.Empty);
        var requirement = text.ToString(span);
        var pin = CogPin().Match(requirement);
        if (pin.Success && CogSdkVersion.BelowMinimumError(pin.Groups[1].Value) is null && !CogSdkVersion.IsInvalidForPip(pin.Groups[1].Value)
            && configs.FindConfigFor(context.Workspace, document) is { } config
            && context.Workspace.GetDocument(config.CogYamlPath, DocumentKind.CogYaml) is { } cogYaml
            && SetSdkVersion(cogYaml, pin.Groups[1].Value) is { } yamlChange)
        {
            var version = pin.Groups[1].Value;
            yield return new CodeActionItem($"Move cog=={version} to build.sdk_version in cog.yaml", CodeActionItem.QuickFix,
                _ => new WorkspaceEditModel([new EditFileChange(document.Path, document.Version, [removal]), new EditFileChange(cogYaml.Path, cogYaml.Version, [yamlChange])]))
            {
                IsPreferred = true,
            };
        }

        var name = requirement.TrimStart().StartsWith("coglet", StringComparison.OrdinalIgnoreCase) ? "coglet" : "cog";
        yield return new CodeActionItem($"Remove the {name} line (Cog installs its own SDK)", CodeActionItem.QuickFix,
            _ => new WorkspaceEditModel([new EditFileChange(document.Path, document.Version, [removal])]))
        {
            FixAllKey = "remove the cog and coglet lines Cog drops",
        };
    }

    /// <summary>The edit that makes build.sdk_version "VERSION": the existing plain or quoted value replaced, or a new last key of the block build section.</summary>
    private static TextChange? SetSdkVersion(Document cogYaml, string version)
    {
        if (CogYamlEditing.BlockBuild(cogYaml) is not (_, var build))
        {
            return null;
        }

        var quoted = $"\"{version}\"";
        if (build.Find("sdk_version") is { } existing)
        {
            return existing.Value is YamlScalar { IsNull: false, Style: YamlScalarStyle.Plain or YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted } scalar
                ? new TextChange(scalar.Span, quoted)
                : null;
        }

        if (CogYamlTree.Lookup(build, "sdk_version") is not null || build.Entries.IsDefaultOrEmpty)
        {
            // Set through a merge key: the written place is elsewhere.
            return null;
        }

        var text = cogYaml.Text;
        if (CogYamlEditing.EntryLines(text, build.Entries[^1]) is not { } lastLines || CogYamlEditing.EntryLines(text, build.Entries[0]) is not { } firstLines)
        {
            return null;
        }

        var lineBreak = CogYamlEditing.LineBreak(text);
        var line = $"{firstLines.Indent}sdk_version: {quoted}";
        return lastLines.LineBreak.Length == 0
            ? new TextChange(new TextSpan(lastLines.Span.End, 0), lineBreak + line)
            : new TextChange(new TextSpan(lastLines.Span.End, 0), line + lastLines.LineBreak);
    }

    /// <summary>`cog==VERSION` alone (blanks around allowed), the pin the move can carry over.</summary>
    [GeneratedRegex(@"^\s*cog\s*==\s*([0-9][^\s;#,\\]*)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CogPin();
}
