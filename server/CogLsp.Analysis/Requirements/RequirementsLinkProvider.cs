using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;

namespace CogLsp.Analysis.Requirements;

/// <summary>Links: `-r`/`-c` paths to their files (resolved like pip), and URLs (index URLs, find-links, requirement URLs) to the web.</summary>
public sealed class RequirementsLinkProvider : IDocumentLinkProvider
{
    public DocumentKind Kind => DocumentKind.Requirements;

    public IEnumerable<DocumentLinkItem> GetLinks(FeatureContext context)
    {
        var tree = RequirementsDocument.GetSyntax(context.Document);
        for (var i = 0; i < tree.Lines.Length; i++)
        {
            var line = tree.Lines[i];
            foreach (var option in line.Options)
            {
                if (option.Value is not { } value || option.Option is null)
                {
                    continue;
                }

                var span = tree.ToAbsolute(i, value.Span);
                if (IsWebUrl(value.Text))
                {
                    yield return new DocumentLinkItem(span, null, value.Text, null);
                }
                else if (option.Option.Scope == OptionScope.Include || (option.Option == RequirementsOption.Editable && PipUrls.LooksLikePath(value.Text)))
                {
                    var path = PathUtil.Resolve(context.Document.Directory, value.Text);
                    yield return new DocumentLinkItem(span, path, null, $"Open {value.Text}");
                }
            }

            if (line.Requirement?.Location is { } location && !line.Requirement.IsEditable)
            {
                var span = tree.ToAbsolute(i, location.Span);
                var url = StripVcs(location.Text);
                if (IsWebUrl(url))
                {
                    yield return new DocumentLinkItem(span, null, url, null);
                }
                else if (line.Requirement.Form == RequirementForm.Path)
                {
                    yield return new DocumentLinkItem(span, PathUtil.Resolve(context.Document.Directory, location.Text), null, null);
                }
            }
        }
    }

    private static bool IsWebUrl(string text) => PipUrls.GetScheme(text) is "http" or "https";

    /// <summary>`git+https://host/repo.git@tag#egg=x` links to https://host/repo.git.</summary>
    private static string StripVcs(string url)
    {
        if (!PipUrls.IsVcsUrl(url))
        {
            return url;
        }

        var plus = url.IndexOf('+');
        var rest = url[(plus + 1)..];
        var cut = rest.IndexOf('#');
        if (cut >= 0)
        {
            rest = rest[..cut];
        }

        var at = rest.LastIndexOf('@');
        return at > rest.IndexOf("://", StringComparison.Ordinal) + 3 && rest.IndexOf('/', rest.IndexOf("://", StringComparison.Ordinal) + 3) is var slash && slash >= 0 && at > slash ? rest[..at] : rest;
    }
}
