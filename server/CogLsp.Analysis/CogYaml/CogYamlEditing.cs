using System.Collections.Immutable;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// Line-level editing of cog.yaml for the fixes. Every edit replaces whole lines of block-style YAML or
/// touches a single token, so the bytes around it stay as they were (comments, quoting, CRLF). Anything
/// the helpers cannot edit that way (flow mappings, aliases, keys sharing a line, a file YAML could not
/// read) makes them return null, and the fix is not offered rather than risking a broken file.
/// </summary>
internal static class CogYamlEditing
{
    /// <summary>The root and the written `build` mapping, both in block style; null when the file cannot be edited line by line.</summary>
    public static (YamlMapping Root, YamlMapping Build)? BlockBuild(Document document)
    {
        var model = CogYamlTree.Model(document);
        if (model.HasSyntaxErrors || model.Root is not YamlMapping { IsFlow: false } root)
        {
            return null;
        }

        return root.Find("build")?.Value is YamlMapping { IsFlow: false } build ? (root, build) : null;
    }

    /// <summary>The block-style root mapping; null when the file cannot be edited line by line.</summary>
    public static YamlMapping? BlockRoot(Document document)
    {
        var model = CogYamlTree.Model(document);
        return !model.HasSyntaxErrors && model.Root is YamlMapping { IsFlow: false } root ? root : null;
    }

    /// <summary>
    /// The whole lines an entry occupies: from the start of its key's line to the end (line break
    /// included) of the line its value ends on, comment lines in between included. Null when the key
    /// does not start its line or something other than a comment follows the value on its last line.
    /// </summary>
    public static (TextSpan Span, string Indent, string LineBreak)? EntryLines(SourceText text, YamlEntry entry)
    {
        var keyLine = text.GetLineIndex(entry.Key.Span.Start);
        var lineStart = text.GetLineStart(keyLine);
        var indent = text.ToString(TextSpan.FromBounds(lineStart, entry.Key.Span.Start));
        if (indent.Any(c => c != ' '))
        {
            return null;
        }

        var valueless = entry.Value is null or YamlScalar { IsNull: true, Span.IsEmpty: true };
        var end = valueless ? entry.Key.Span.End : entry.Value!.Span.End;
        var lastLine = text.GetLineIndex(end);
        var rest = text.ToString(TextSpan.FromBounds(end, text.GetLineEnd(lastLine))).TrimStart(' ', '\t');
        if (valueless && rest.StartsWith(':'))
        {
            rest = rest[1..].TrimStart(' ', '\t');
        }

        if (rest.Length > 0 && !rest.StartsWith('#'))
        {
            return null;
        }

        var blockEnd = text.GetLineEndIncludingBreak(lastLine);
        var lineBreak = text.ToString(TextSpan.FromBounds(text.GetLineEnd(lastLine), blockEnd));
        return (TextSpan.FromBounds(lineStart, blockEnd), indent, lineBreak);
    }

    /// <summary>True when a node written inside <paramref name="span"/> has an anchor: removing or moving it would orphan its aliases.</summary>
    public static bool HasAnchorsIn(Document document, TextSpan span) =>
        CogYamlTree.Model(document).Nodes.Any(n => n.Anchor is not null && span.Contains(n.Span.Start));

    /// <summary>The line break to use when adding lines to a file: the file's own style.</summary>
    public static string LineBreak(SourceText text) => text.PreferredLineBreak;

    /// <summary>
    /// How a block sequence item is introduced on its line: the text before the `-` (indentation) and
    /// between the `-` and the item. Null when the item does not follow `- ` on its own line.
    /// </summary>
    public static (string Indent, string AfterDash)? ItemPrefix(SourceText text, YamlNode item)
    {
        var line = text.GetLineIndex(item.Span.Start);
        var lineStart = text.GetLineStart(line);
        var dash = item.Span.Start - 1;
        while (dash >= lineStart && text[dash] == ' ')
        {
            dash--;
        }

        if (dash < lineStart || text[dash] != '-')
        {
            return null;
        }

        var indent = text.ToString(TextSpan.FromBounds(lineStart, dash));
        return indent.All(c => c == ' ') ? (indent, text.ToString(TextSpan.FromBounds(dash + 1, item.Span.Start))) : null;
    }

    /// <summary>A key's replacement span: the text between the quotes of a quoted key, else the key itself.</summary>
    public static TextSpan KeyNameSpan(YamlNode key) => key is YamlScalar scalar ? scalar.ContentSpan : key.Span;

    /// <summary>The mapping that holds the entry whose key is at <paramref name="keySpan"/>, with that entry.</summary>
    public static (YamlMapping Mapping, YamlEntry Entry)? FindEntryByKeySpan(Document document, TextSpan keySpan)
    {
        foreach (var mapping in CogYamlTree.Model(document).Nodes.OfType<YamlMapping>())
        {
            foreach (var entry in mapping.Entries)
            {
                if (entry.Key.Span == keySpan)
                {
                    return (mapping, entry);
                }
            }
        }

        return null;
    }

    /// <summary>A scalar as it can be written in a flow sequence: plain when that is safe, else double-quoted.</summary>
    public static string FlowItem(SourceText text, YamlScalar scalar)
    {
        var written = text.ToString(scalar.Span);
        if (!scalar.IsPlain || written.IndexOfAny([',', '[', ']', '{', '}']) < 0)
        {
            return written;
        }

        return DoubleQuoted(scalar.Value);
    }

    /// <summary>A YAML double-quoted scalar for <paramref name="value"/>.</summary>
    public static string DoubleQuoted(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    /// <summary>One edit of one document, carrying the document's version.</summary>
    public static WorkspaceEditModel Edit(Document document, params TextChange[] changes) =>
        new([new EditFileChange(document.Path, document.Version, [.. changes])]);

    /// <summary>The comment spans that start on line <paramref name="line"/>.</summary>
    public static ImmutableArray<TextSpan> CommentsOnLine(Document document, int line)
    {
        var text = document.Text;
        return CogYamlTree.Model(document).Comments.Where(c => text.GetLineIndex(c.Start) == line).ToImmutableArray();
    }
    /// <summary>
    /// The comments inside a list entry's lines, assigned to its items: a comment after an item on that
    /// item's line is its trailing comment (block lists only); a comment on its own line, or after the
    /// key, leads the next item. Comments after the last item's line are outside the entry.
    /// </summary>
    public static (List<string>[] Leading, string?[] Trailing) ItemComments(Document document, YamlEntry entry, YamlSequence list)
    {
        var text = document.Text;
        var leading = list.Items.Select(_ => new List<string>()).ToArray();
        var trailing = new string?[list.Items.Length];
        var itemLines = list.Items.Select(i => text.GetLineIndex(i.Span.End)).ToArray();
        var keyLine = text.GetLineIndex(entry.Key.Span.Start);
        var lastLine = text.GetLineIndex(list.Span.End);
        foreach (var comment in CogYamlTree.Model(document).Comments)
        {
            var line = text.GetLineIndex(comment.Start);
            if (line < keyLine || line > lastLine || comment.Start < entry.Key.Span.End)
            {
                continue;
            }

            var commentText = text.ToString(comment).TrimEnd();
            var owner = -1;
            for (var i = list.Items.Length - 1; i >= 0; i--)
            {
                if (itemLines[i] == line && list.Items[i].Span.End <= comment.Start)
                {
                    owner = i;
                    break;
                }
            }

            if (owner >= 0 && !list.IsFlow)
            {
                trailing[owner] = commentText;
                continue;
            }

            var next = Enumerable.Range(0, list.Items.Length).FirstOrDefault(i => list.Items[i].Span.Start > comment.Start, -1);
            if (next >= 0)
            {
                leading[next].Add(commentText);
            }
            else if (owner >= 0)
            {
                trailing[owner] = trailing[owner] is null ? commentText : trailing[owner] + " " + commentText.TrimStart('#', ' ');
            }
        }

        return (leading, trailing);
    }
}
