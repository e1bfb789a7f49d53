using System.Collections.Immutable;
using CogLsp.Analysis.Cog;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// What holds for every requirement of one requirements file in Cog's image: the sources pip reads (in
/// the file's order, with Cog's additions), the image's platform, whether `--pre` is set, and Cog's
/// resolution of the file (null when no cog.yaml uses it).
/// </summary>
public sealed record IndexFilePlan(ImmutableArray<IndexSource> Sources, ImageTarget Target, bool Pre, CogResolution? Resolution)
{
    /// <summary>The index settings the plan was made with (the PyTorch base mapping included).</summary>
    public IndexSettings Settings { get; init; } = IndexSettings.Default;

    /// <summary>The file's `--no-binary`/`--only-binary` (see <see cref="IndexPlan.Formats"/>).</summary>
    public FormatControl Formats { get; init; } = FormatControl.None;

    /// <summary>`--prefer-binary` is set for the file.</summary>
    public bool PreferBinary { get; init; }
}
