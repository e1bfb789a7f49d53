using System.Collections.Immutable;
using CogLsp.Analysis.Cog;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// What holds for every requirement of one requirements file in Cog's image: the sources pip reads (in
/// the file's order, with Cog's additions), the image's platform and whether `--pre` is set. Plans
/// are reused across snapshots while what they are made of is unchanged (<see cref="IndexLookups.Plan"/>),
/// so a plan holds nothing of one snapshot.
/// </summary>
public sealed record IndexFilePlan(ImmutableArray<IndexSource> Sources, ImageTarget Target, bool Pre)
{
    /// <summary>The index settings the plan was made with (the PyTorch base mapping included).</summary>
    public IndexSettings Settings { get; init; } = IndexSettings.Default;

    /// <summary>Cog's reading of each requirement line it touches (<see cref="IndexLookups.TouchedByCog"/>), in file order; null where Cog has none. Empty when no cog.yaml uses the file.</summary>
    public ImmutableArray<CogLineResolution?> CogLines { get; init; } = [];

    /// <summary>True when a cog.yaml uses the file: pip then reads the file Cog generates from it.</summary>
    public bool ReadThroughCog { get; init; }

    /// <summary>The file's `--no-binary`/`--only-binary` (see <see cref="IndexPlan.Formats"/>).</summary>
    public FormatControl Formats { get; init; } = FormatControl.None;

    /// <summary>`--prefer-binary` is set for the file.</summary>
    public bool PreferBinary { get; init; }
}
