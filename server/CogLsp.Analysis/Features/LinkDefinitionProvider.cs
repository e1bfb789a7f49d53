using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Features;

/// <summary>Go-to-definition from the document links of a kind: on a link to a local file (an `-r`/`-c` include), the definition is that file.</summary>
public sealed class LinkDefinitionProvider(IDocumentLinkProvider links) : IDefinitionProvider
{
    public DocumentKind Kind => links.Kind;

    public IEnumerable<DefinitionTarget> GetDefinitions(FeatureContext context, int offset) =>
        links.GetLinks(context)
            .Where(l => l.TargetPath is not null && l.Span.Touches(offset))
            .Select(l => new DefinitionTarget(l.TargetPath!, new Syntax.Text.TextSpan(0, 0)));
}
