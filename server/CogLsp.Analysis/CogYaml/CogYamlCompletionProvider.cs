using System.Text.RegularExpressions;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// Completion in cog.yaml. On a key position: the keys of the enclosing section (decided by indentation,
/// so it works while the file is half-typed), deprecated ones marked. After `key: `: the values that key
/// takes (booleans, Python versions quoted, CUDA/cuDNN versions Cog has images for, requirements files and
/// `file.py:Class` references found next to cog.yaml).
/// </summary>
public sealed partial class CogYamlCompletionProvider : ICompletionProvider
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public IEnumerable<CompletionItem> GetCompletions(FeatureContext context, int offset)
    {
        var text = context.Document.Text;
        offset = Math.Clamp(offset, 0, text.Length);
        var line = text.GetLineIndex(offset);
        var lineStart = text.GetLineStart(line);
        var prefix = text.Text[lineStart..offset];
        if (prefix.TrimStart().StartsWith('#'))
        {
            return [];
        }

        var valueMatch = ValuePrefix().Match(prefix);
        if (valueMatch.Success)
        {
            var indent = valueMatch.Groups["indent"].Length + valueMatch.Groups["dash"].Length;
            var parent = ParentAt(context, line, indent);
            var typed = valueMatch.Groups["typed"];
            var replace = new TextSpan(lineStart + typed.Index, typed.Length + WordLengthAfter(text, offset));
            return Values(context, parent, valueMatch.Groups["key"].Value, replace);
        }

        var keyMatch = KeyPrefix().Match(prefix);
        if (!keyMatch.Success)
        {
            return [];
        }

        var keyIndent = keyMatch.Groups["indent"].Length + keyMatch.Groups["dash"].Length;
        var keyParent = ParentAt(context, line, keyIndent);
        if (keyMatch.Groups["dash"].Length > 0)
        {
            keyParent += "[]";
        }

        var word = keyMatch.Groups["typed"];
        var span = new TextSpan(lineStart + word.Index, word.Length + WordLengthAfter(text, offset));
        var nested = new string(' ', keyIndent + 2);
        return CogYamlSchema.ChildrenOf(keyParent).Select(info => new CompletionItem(info.Name, CompletionKind.Property, span)
        {
            InsertText = info.Type switch
            {
                CogYamlValueType.Mapping => $"{info.Name}:\n{nested}$0",
                CogYamlValueType.StringList or CogYamlValueType.RunList or CogYamlValueType.MappingList => $"{info.Name}:\n{nested}- $0",
                _ => $"{info.Name}: {info.ValueSnippet ?? "$0"}",
            },
            IsSnippet = true,
            Detail = CogYamlHoverProvider.Describe(info.Type),
            DocumentationMarkdown = info.Summary,
            Deprecated = info.DeprecatedInFavourOf is not null || info.IgnoredByCog,
            SortText = (info.DeprecatedInFavourOf is not null || info.IgnoredByCog ? "1" : "0") + info.Name,
        }).ToList();
    }

    /// <summary>The schema path of the section a line indented by <paramref name="indent"/> belongs to: the last key above it that is indented less.</summary>
    private static string ParentAt(FeatureContext context, int line, int indent)
    {
        if (indent == 0)
        {
            return "";
        }

        var text = context.Document.Text;
        var model = CogYamlTree.Model(context.Document);
        string? best = null;
        var bestStart = -1;
        foreach (var (entry, parent) in CogYamlTree.WalkKeys(model.Root))
        {
            var start = entry.Key.Span.Start;
            var keyLine = text.GetLineIndex(start);
            var column = start - text.GetLineStart(keyLine);
            if (keyLine < line && column < indent && start > bestStart && entry.KeyText is { } key)
            {
                best = parent.Length == 0 ? key : parent + "." + key;
                bestStart = start;
            }
        }

        return best ?? "";
    }

    private static IEnumerable<CompletionItem> Values(FeatureContext context, string parent, string key, TextSpan replace)
    {
        var info = CogYamlSchema.Find(parent.Length == 0 ? key : parent + "." + key);
        if (info is null)
        {
            return [];
        }

        var items = new List<CompletionItem>();
        var quoted = info.Type == CogYamlValueType.String;
        var index = 0;
        foreach (var value in info.SuggestedValues)
        {
            items.Add(new CompletionItem(value, CompletionKind.Value, replace)
            {
                InsertText = quoted ? $"\"{value}\"" : value,
                FilterText = quoted ? $"\"{value}\"" : value,
                SortText = index++.ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
                Detail = info.Path == "build.python_version" && value == CogYamlSchema.DefaultPython ? "Cog's default" : null,
            });
        }

        var folder = context.Document.Directory;
        if (info.Path == "build.python_requirements")
        {
            foreach (var file in context.Workspace.FileSystem.EnumerateFiles(folder).Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".in", StringComparison.OrdinalIgnoreCase)))
            {
                items.Add(new CompletionItem(PathUtil.GetFileName(file), CompletionKind.File, replace));
            }
        }
        else if (info.Path is "run" or "predict" or "train")
        {
            foreach (var file in context.Workspace.FileSystem.EnumerateFiles(folder).Where(f => f.EndsWith(".py", StringComparison.Ordinal)))
            {
                var module = context.Workspace.GetDocument(file);
                if (module is null)
                {
                    continue;
                }

                foreach (Match match in ClassName().Matches(module.Text.Text))
                {
                    var reference = $"{PathUtil.GetFileName(file)}:{match.Groups["name"].Value}";
                    items.Add(new CompletionItem(reference, CompletionKind.Module, replace) { InsertText = $"\"{reference}\"", FilterText = $"\"{reference}\"" });
                }
            }
        }

        return items;
    }

    private static int WordLengthAfter(SourceText text, int offset)
    {
        var end = offset;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '.' or '"' or '\'' or '-' or ':' or '/'))
        {
            end++;
        }

        return end - offset;
    }

    [GeneratedRegex(@"^(?<indent>[ ]*)(?<dash>(- )?)(?<key>[A-Za-z_][A-Za-z0-9_]*):[ ]+(?<typed>[^\s#]*)$")]
    private static partial Regex ValuePrefix();

    [GeneratedRegex(@"^(?<indent>[ ]*)(?<dash>(- )?)(?<typed>[A-Za-z_]*)$")]
    private static partial Regex KeyPrefix();

    [GeneratedRegex(@"^class[ \t]+(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.Multiline)]
    private static partial Regex ClassName();
}
