using System.Collections.Immutable;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// What the package indexes answered so far, as facts of a workspace snapshot (like the files on disk).
/// Architecture invariant: immutable; answers arrive off the keystroke path and enter through
/// <see cref="Workspace.WorkspaceSnapshot.WithIndexAnswers"/>, which makes a new snapshot. A query with no
/// answer yet is simply unknown: the rules that need it stay silent until it arrives.
/// </summary>
public sealed class IndexFacts
{
    public static IndexFacts Empty { get; } = new(ImmutableDictionary<IndexQuery, IndexAnswer>.Empty);

    private readonly ImmutableDictionary<IndexQuery, IndexAnswer> _answers;

    private IndexFacts(ImmutableDictionary<IndexQuery, IndexAnswer> answers)
    {
        _answers = answers;
    }

    public int Count => _answers.Count;

    public IEnumerable<IndexAnswer> Answers => _answers.Values;

    public IndexAnswer? Get(IndexQuery query) => _answers.GetValueOrDefault(Key(query));

    public bool Contains(IndexQuery query) => _answers.ContainsKey(Key(query));

    /// <summary>These facts with <paramref name="answers"/> added (a newer answer replaces an older one).</summary>
    public IndexFacts With(IEnumerable<IndexAnswer> answers)
    {
        var builder = _answers.ToBuilder();
        foreach (var answer in answers)
        {
            builder[Key(answer.Query)] = answer;
        }

        return new IndexFacts(builder.ToImmutable());
    }

    /// <summary>A find-links page is one page for every project, so it is stored once, under an empty project.</summary>
    public static IndexQuery Key(IndexQuery query) =>
        query.Source.Kind == IndexSourceKind.FindLinks && query.Project.Length > 0 ? query with { Project = string.Empty } : query;
}
