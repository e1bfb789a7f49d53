using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// pip's pick for a lookup, from the answers in the snapshot, or null while some page it needs has not
/// answered. Picks are memoised per set of facts (not per snapshot): a keystroke makes a new snapshot but
/// keeps the facts, so unchanged requirements are not picked again; new answers make new facts.
/// </summary>
public static class IndexPicks
{
    private static readonly ConditionalWeakTable<IndexFacts, ConcurrentDictionary<PickKey, IndexPick>> Memo = new();

    public static IndexPick? Get(WorkspaceSnapshot workspace, IndexLookup lookup)
    {
        var facts = workspace.Indexes;
        var answers = new List<IndexAnswer>(lookup.Sources.Length);
        foreach (var query in lookup.Queries)
        {
            if (facts.Get(query) is not { } answer)
            {
                return null;
            }

            answers.Add(answer);
        }

        var key = new PickKey(lookup.Project, lookup.Specifier.ToString(), lookup.Pre, lookup.Target, lookup.Sources) { Options = lookup.Options };
        return Memo.GetOrCreateValue(facts).GetOrAdd(key, _ => PipPicker.Pick(lookup.Project, lookup.Specifier, lookup.Pre, lookup.Target, answers, lookup.Options));
    }

    /// <summary>The lookup of the requirement at <paramref name="offset"/> of a requirements document, with its pick (null when there is none yet).</summary>
    public static (IndexLookup Lookup, IndexPick? Pick)? At(WorkspaceSnapshot workspace, Document document, int offset)
    {
        foreach (var lookup in IndexLookups.Within(workspace, document, new TextSpan(offset, 0)))
        {
            if (lookup.Span.Start <= offset && offset <= Math.Max(lookup.Span.End, lookup.SpecifierSpan.End))
            {
                return (lookup, Get(workspace, lookup));
            }
        }

        return null;
    }

    /// <summary>The pick for the requirement at <paramref name="offset"/>, or null.</summary>
    public static IndexPick? For(WorkspaceSnapshot workspace, Document document, int offset) => At(workspace, document, offset)?.Pick;

    /// <summary>The CUDA of a PyTorch index URL ("…/whl/cu121/" → "12.1"), or null.</summary>
    public static string? CudaOf(string url) => Cog.CogResolver.CudaFromIndexUrl(url);

    /// <summary>What a pick depends on besides the facts. The sources compare item by item (a plan reused across snapshots shares its array, so that is usually one reference check).</summary>
    private sealed record PickKey(string Project, string Specifier, bool Pre, ImageTarget Target, ImmutableArray<IndexSource> Sources)
    {
        /// <summary>The format options and the line's hashes (compared by value).</summary>
        public PickOptions Options { get; init; } = PickOptions.Default;

        public bool Equals(PickKey? other) =>
            other is not null && Project == other.Project && Specifier == other.Specifier && Pre == other.Pre && Target.Equals(other.Target)
            && (Sources == other.Sources || Sources.AsSpan().SequenceEqual(other.Sources.AsSpan()))
            && (ReferenceEquals(Options, other.Options) || Options.Equals(other.Options));

        public override int GetHashCode() => HashCode.Combine(Project, Specifier, Pre, Target, Sources.Length);
    }

    /// <summary>The image's platform in words, for messages ("CPython 3.11 on Linux x86_64, glibc 2.35").</summary>
    public static string Describe(ImageTarget target) =>
        $"CPython {target.PythonMajor}.{target.PythonMinor} on Linux {target.Architecture} (glibc {target.GlibcMajor}.{target.GlibcMinor})";
}
