using System.Collections.Immutable;
using System.Text;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// COG0302: moves the deprecated build.pre_install commands into build.run and deletes pre_install.
/// Cog (at commit 6110c912, dockerfile generator) runs pre_install commands right AFTER the build.run
/// commands, so the commands are appended at the end of build.run: the image is built by the same
/// steps in the same order. Without build.run the key is simply renamed to run. The commands keep their
/// written text (quoting included); in a flow list they are quoted where a flow list needs it.
/// </summary>
public sealed class MovePreInstallToRunFixProvider : ICodeFixProvider
{
    public ImmutableArray<string> FixableDiagnosticIds { get; } = [CogYamlDiagnostics.PreInstallDeprecated.Id];

    public IEnumerable<CodeActionItem> GetFixes(CodeFixContext context)
    {
        var document = context.Document;
        if (CogYamlEditing.BlockBuild(document) is not (_, var build) || build.Find("pre_install") is not { } preInstall)
        {
            yield break;
        }

        var run = build.Find("run");
        if (run is null)
        {
            if (CogYamlTree.Lookup(build, "run") is not null)
            {
                yield break;
            }

            var span = CogYamlEditing.KeyNameSpan(preInstall.Key);
            yield return Action("Rename pre_install to run", document, [new TextChange(span, "run")]);
            yield break;
        }

        if (Move(document, preInstall, run) is { } changes)
        {
            yield return Action("Move pre_install commands to the end of build.run", document, changes);
        }
    }

    private static CodeActionItem Action(string title, Document document, TextChange[] changes) =>
        new(title, CodeActionItem.QuickFix, _ => CogYamlEditing.Edit(document, changes))
        {
            IsPreferred = true,
            FixAllKey = CogYamlDiagnostics.PreInstallDeprecated.Id,
        };

    private static TextChange[]? Move(Document document, YamlEntry preInstall, YamlEntry run)
    {
        var text = document.Text;
        if (preInstall.Value is not YamlSequence commands
            || CogYamlEditing.EntryLines(text, preInstall) is not { } block
            || CogYamlEditing.HasAnchorsIn(document, block.Span))
        {
            return null;
        }

        // Only single-line scalars can be moved verbatim; anything else is left to the user.
        var items = new List<YamlScalar>();
        foreach (var item in commands.Items)
        {
            if (item is not YamlScalar { Style: not (YamlScalarStyle.Literal or YamlScalarStyle.Folded) } scalar
                || text.GetLineIndex(scalar.Span.Start) != text.GetLineIndex(scalar.Span.End))
            {
                return null;
            }

            items.Add(scalar);
        }

        var lineBreak = CogYamlEditing.LineBreak(text);
        var (leading, trailing) = CogYamlEditing.ItemComments(document, preInstall, commands);
        var hasComments = leading.Any(l => l.Count > 0) || trailing.Any(t => t is not null);
        TextChange insert;
        switch (run.Value)
        {
            case YamlSequence { IsFlow: true } flow:
                if (hasComments)
                {
                    // A flow list has no good place for them, and comments are not to be lost.
                    return null;
                }

                var written = string.Join(", ", items.Select(i => CogYamlEditing.FlowItem(text, i)));
                if (flow.Items.Length == 0)
                {
                    var open = text.ToString(flow.Span).IndexOf('[', StringComparison.Ordinal);
                    if (open < 0)
                    {
                        return null;
                    }

                    insert = new TextChange(new TextSpan(flow.Span.Start + open + 1, 0), written);
                }
                else
                {
                    insert = new TextChange(new TextSpan(flow.Items[^1].Span.End, 0), ", " + written);
                }

                break;
            case YamlSequence { IsFlow: false, Items.Length: > 0 } sequence:
                var last = sequence.Items[^1];
                if (CogYamlEditing.ItemPrefix(text, last) is not var (indent, afterDash))
                {
                    return null;
                }

                // The commands carry their comments along, written the way the run list writes its items.
                var lines = new StringBuilder();
                for (var i = 0; i < items.Count; i++)
                {
                    foreach (var comment in leading[i])
                    {
                        lines.Append(lineBreak).Append(indent).Append(comment);
                    }

                    lines.Append(lineBreak).Append(indent).Append('-').Append(afterDash).Append(text.ToString(items[i].Span));
                    if (trailing[i] is { } trailingComment)
                    {
                        lines.Append("  ").Append(trailingComment);
                    }
                }

                insert = new TextChange(new TextSpan(text.GetLineEnd(text.GetLineIndex(last.Span.End)), 0), lines.ToString());
                break;
            default:
                return null;
        }

        if (insert.Span.Start >= block.Span.Start && insert.Span.Start < block.Span.End)
        {
            return null;
        }

        return [insert, new TextChange(block.Span, "")];
    }
}
