using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// Completes option names when the word at the cursor starts with '-', and versions after `==` from an
/// <see cref="IVersionSource"/> (none by default; the resolver slice supplies one).
/// </summary>
public sealed class RequirementsCompletionProvider(IVersionSource? versions = null) : ICompletionProvider
{
    private readonly IVersionSource _versions = versions ?? NoVersionSource.Instance;

    public DocumentKind Kind => DocumentKind.Requirements;

    public IEnumerable<CompletionItem> GetCompletions(FeatureContext context, int offset)
    {
        // Only the line up to the cursor is read (a word never spans a line break, which is white space).
        var source = context.Document.Text;
        offset = Math.Clamp(offset, 0, source.Length);
        var lineStart = source.GetLineStart(source.GetLineIndex(offset));
        var before = source.ToString(TextSpan.FromBounds(lineStart, offset));
        var wordStart = before.Length;
        while (wordStart > 0 && !char.IsWhiteSpace(before[wordStart - 1]))
        {
            wordStart--;
        }

        var start = lineStart + wordStart;
        var word = before[wordStart..];
        if (word.StartsWith('-'))
        {
            var atLineStart = string.IsNullOrWhiteSpace(before[..wordStart]);
            var replace = TextSpan.FromBounds(start, offset);
            return RequirementsOption.All
                .Where(o => atLineStart || o.Scope == OptionScope.PerRequirement)
                .Select(o => new CompletionItem(o.LongName, CompletionKind.Keyword, replace)
                {
                    Detail = o.ShortName is null ? o.ValueName : $"{o.ShortName}{(o.ValueName is null ? string.Empty : " " + o.ValueName)}",
                    DocumentationMarkdown = o.Summary,
                    InsertText = o.TakesValue ? o.LongName + " " : o.LongName,
                })
                .ToList();
        }

        var eq = word.LastIndexOf("==", StringComparison.Ordinal);
        if (eq >= 0)
        {
            var tree = RequirementsDocument.GetSyntax(context.Document);
            var index = tree.GetLineIndex(offset);
            var name = index >= 0 ? tree.Lines[index].Requirement?.NormalizedName : null;
            if (name is null)
            {
                var head = word[..eq].Split('[')[0];
                name = Syntax.Pep440.PackageName.IsValid(head) ? Syntax.Pep440.PackageName.Normalize(head) : null;
            }

            if (name is not null)
            {
                var replace = TextSpan.FromBounds(start + eq + 2, offset);
                return _versions.GetVersions(name).Select((v, i) => new CompletionItem(v, CompletionKind.Value, replace) { SortText = i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture) }).ToList();
            }
        }

        return [];
    }
}
