namespace CogLsp.Analysis.Indexes;

/// <summary>A page to read: the project (PEP 503 normalised name) on a source. For a find-links source the
/// page is the same for every project; <see cref="Project"/> then only says who asked.</summary>
public sealed record IndexQuery(IndexSource Source, string Project);
