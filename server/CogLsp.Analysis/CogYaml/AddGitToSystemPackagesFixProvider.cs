using System.Collections.Immutable;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// COG0420: adds `git` to build.system_packages, in the list's own style: a new `- git` line after the
/// last item of a block list (same indentation and quoting as that item), `, git` in a flow list, or a
/// new block list when the key is absent (placed before python_packages / python_requirements, where
/// Cog's documentation puts it). Every diagnostic of the file gets the same edit, so fix-all adds git once.
/// </summary>
public sealed class AddGitToSystemPackagesFixProvider : ICodeFixProvider
{
    public ImmutableArray<string> FixableDiagnosticIds { get; } = [CogYamlDiagnostics.GitWithoutGit.Id];

    public IEnumerable<CodeActionItem> GetFixes(CodeFixContext context)
    {
        var document = context.Document;
        if (ComputeChange(document) is not { } change)
        {
            yield break;
        }

        yield return new CodeActionItem("Add git to build.system_packages", CodeActionItem.QuickFix, _ => CogYamlEditing.Edit(document, change))
        {
            IsPreferred = true,
            FixAllKey = CogYamlDiagnostics.GitWithoutGit.Id,
        };
    }

    private static TextChange? ComputeChange(Document document)
    {
        if (CogYamlEditing.BlockBuild(document) is not (_, var build))
        {
            return null;
        }

        var text = document.Text;
        var lineBreak = CogYamlEditing.LineBreak(text);
        var system = build.Find("system_packages");
        if (system is null)
        {
            if (CogYamlTree.Lookup(build, "system_packages") is not null)
            {
                // Set through a merge key: the written place is elsewhere.
                return null;
            }

            var anchor = build.Find("python_packages") ?? build.Find("python_requirements") ?? build.Entries.FirstOrDefault();
            if (anchor is null || CogYamlEditing.EntryLines(text, anchor) is not { } lines)
            {
                return null;
            }

            var insertion = $"{lines.Indent}system_packages:{lineBreak}{lines.Indent}  - git{lineBreak}";
            return new TextChange(new TextSpan(lines.Span.Start, 0), insertion);
        }

        switch (system.Value)
        {
            case YamlSequence { IsFlow: true } flow:
                if (flow.Items.Length == 0)
                {
                    var open = text.ToString(flow.Span).IndexOf('[', StringComparison.Ordinal);
                    return open < 0 ? null : new TextChange(new TextSpan(flow.Span.Start + open + 1, 0), "git");
                }

                return new TextChange(new TextSpan(flow.Items[^1].Span.End, 0), ", " + Styled(flow.Items[^1]));
            case YamlSequence { Items.Length: > 0 } sequence:
                var last = sequence.Items[^1];
                if (CogYamlEditing.ItemPrefix(text, last) is not var (indent, afterDash))
                {
                    return null;
                }

                var line = text.GetLineIndex(last.Span.End);
                return new TextChange(new TextSpan(text.GetLineEnd(line), 0), $"{lineBreak}{indent}-{afterDash}{Styled(last)}");
            case YamlScalar { IsNull: true }:
                if (CogYamlEditing.EntryLines(text, system) is not { } keyLines)
                {
                    return null;
                }

                var keyLine = text.GetLineIndex(system.Key.Span.Start);
                return new TextChange(new TextSpan(text.GetLineEnd(keyLine), 0), $"{lineBreak}{keyLines.Indent}  - git");
            default:
                return null;
        }
    }

    /// <summary>`git` quoted the way the neighbouring item is.</summary>
    private static string Styled(YamlNode neighbour) => neighbour switch
    {
        YamlScalar { Style: YamlScalarStyle.DoubleQuoted } => "\"git\"",
        YamlScalar { Style: YamlScalarStyle.SingleQuoted } => "'git'",
        _ => "git",
    };
}
