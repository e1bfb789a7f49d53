using System.Text;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;

namespace CogLsp.Analysis.Requirements;

/// <summary>Hover on a requirement (name, versions and markers in words, PyPI link) or on an option (what it does).</summary>
public sealed class RequirementsHoverProvider : IHoverProvider
{
    public DocumentKind Kind => DocumentKind.Requirements;

    public HoverResult? GetHover(FeatureContext context, int offset)
    {
        var tree = RequirementsDocument.GetSyntax(context.Document);
        var index = tree.GetLineIndex(offset);
        if (index < 0)
        {
            return null;
        }

        var line = tree.Lines[index];
        var relative = offset - tree.GetLineStart(index);
        foreach (var option in line.Options)
        {
            if (option.Name.Span.Touches(relative) && option.Option is { } o)
            {
                var md = new StringBuilder().Append("**").Append(o.LongName).Append("**");
                if (o.ShortName is not null)
                {
                    md.Append(" (").Append(o.ShortName).Append(')');
                }

                md.Append("\n\n").Append(o.Summary);
                if (!o.Choices.IsEmpty)
                {
                    md.Append("\n\nValues: ").Append(string.Join(", ", o.Choices.Select(c => $"`{c}`")));
                }

                return new HoverResult(md.ToString(), tree.ToAbsolute(index, option.Name.Span));
            }
        }

        if (line.Requirement is not { } r || !r.Span.Touches(relative) || r.Name is null)
        {
            return null;
        }

        var b = new StringBuilder();
        b.Append("**").Append(r.Name.Text).Append("**");
        if (r.NormalizedName != r.Name.Text)
        {
            b.Append(" (normalized: `").Append(r.NormalizedName).Append("`)");
        }

        if (!r.Extras.IsEmpty)
        {
            b.Append("\n\nExtras: ").Append(string.Join(", ", r.Extras.Select(e => e.Text)));
        }

        if (r.Location is not null)
        {
            b.Append("\n\nFrom: ").Append(r.Location.Text);
        }
        else if (r.Form == RequirementForm.Named)
        {
            b.Append("\n\nVersion: ").Append(SpecifierWords.Describe(r.SpecifierSet));
        }

        if (r.Marker is not null)
        {
            b.Append("\n\nOnly when: ").Append(SpecifierWords.Describe(r.Marker));
        }

        b.Append("\n\n[").Append(r.NormalizedName).Append(" on PyPI](https://pypi.org/project/").Append(r.NormalizedName).Append("/)");
        return new HoverResult(b.ToString(), tree.ToAbsolute(index, r.Span));
    }
}
