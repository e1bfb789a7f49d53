using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.Indexes;

/// <summary>The index pages the rules would read for a set of documents: what the server fetches and `check --online` awaits.</summary>
public static class IndexDemands
{
    public static IEnumerable<IndexQuery> Collect(WorkspaceSnapshot snapshot, IEnumerable<Document> documents, CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<IndexQuery>();
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var lookup in IndexLookups.For(snapshot, document))
            {
                foreach (var query in lookup.Queries)
                {
                    // Queries come keyed already (IndexLookup.Queries): one find-links page serves every project.
                    if (seen.Add(query))
                    {
                        yield return query;
                    }
                }
            }
        }
    }
}
