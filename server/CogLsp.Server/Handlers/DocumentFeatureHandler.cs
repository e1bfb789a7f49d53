using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Rpc;

namespace CogLsp.Server.Handlers;

/// <summary>
/// The shape every read-only editor feature shares: find the document the request names (as the
/// snapshot has it), answer <see cref="Empty"/> when there is none, else ask the providers registered
/// for the document's kind and convert their plain results.
/// </summary>
public abstract class DocumentFeatureHandler<TParams, TResult> : LspHandler<TParams, TResult>
{
    protected abstract TResult Empty { get; }

    protected abstract string UriOf(TParams parameters);

    protected abstract TResult Handle(TParams parameters, DocumentRequest request);

    protected sealed override Task<TResult> ExecuteAsync(TParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(UriOf(parameters));
        return Task.FromResult(document is null ? Empty : Handle(parameters, new DocumentRequest(context, document, cancellationToken)));
    }
}

/// <summary>One request about one document: the context, the document, and the providers that serve its kind.</summary>
public sealed record DocumentRequest(RequestContext Context, Document Document, CancellationToken CancellationToken)
{
    public FeatureContext Feature => new(Context.Workspace, Document, CancellationToken);

    public Conversion.LspConverter Converter => Context.Converter;

    public IEnumerable<T> Providers<T>(IEnumerable<T> all)
        where T : IFeatureProvider => all.Where(p => p.Kind == Document.Kind);
}
