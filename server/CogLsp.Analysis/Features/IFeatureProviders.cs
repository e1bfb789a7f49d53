using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Features;

/// <summary>Every provider serves one kind of document; several providers of one feature may serve a kind (results are merged).</summary>
public interface IFeatureProvider
{
    DocumentKind Kind { get; }
}

public interface IHoverProvider : IFeatureProvider
{
    HoverResult? GetHover(FeatureContext context, int offset);
}

public interface ICompletionProvider : IFeatureProvider
{
    IEnumerable<CompletionItem> GetCompletions(FeatureContext context, int offset);
}

public interface IOutlineProvider : IFeatureProvider
{
    IEnumerable<OutlineItem> GetOutline(FeatureContext context);
}

public interface IDocumentLinkProvider : IFeatureProvider
{
    IEnumerable<DocumentLinkItem> GetLinks(FeatureContext context);
}

public interface IFoldingProvider : IFeatureProvider
{
    IEnumerable<FoldingRegion> GetFoldingRegions(FeatureContext context);
}

public interface IInlayHintProvider : IFeatureProvider
{
    IEnumerable<InlayHintItem> GetInlayHints(FeatureContext context, TextSpan range);
}

public interface IDefinitionProvider : IFeatureProvider
{
    IEnumerable<DefinitionTarget> GetDefinitions(FeatureContext context, int offset);
}

public interface ICodeLensProvider : IFeatureProvider
{
    IEnumerable<CodeLensItem> GetCodeLenses(FeatureContext context);
}
