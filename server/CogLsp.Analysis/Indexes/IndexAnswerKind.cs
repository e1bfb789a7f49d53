namespace CogLsp.Analysis.Indexes;

public enum IndexAnswerKind
{
    /// <summary>The page was read and parsed.</summary>
    Found,

    /// <summary>The index answered 404 (or 410): it has no such project.</summary>
    NotFound,

    /// <summary>Nothing can be concluded: timeout, 5xx, 401/403, garbage, oversized, unreachable.</summary>
    Unavailable,
}
