using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Projects;
using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// One item of build.python_packages: its decoded value (what Cog reads), the node as written, and the
/// map from the value's characters back to the document.
/// </summary>
public sealed class PythonPackageItem
{
    internal PythonPackageItem(int index, string value, YamlNode node, YamlScalarMap map)
    {
        Index = index;
        Value = value;
        Node = node;
        Map = map;
        var (text, offset) = PipLine(value);
        PipText = text;
        PipTextOffset = offset;
    }

    /// <summary>The index in python_packages, as Cog numbers the items (the same as <see cref="CogBuildConfig.PythonPackages"/>).</summary>
    public int Index { get; }

    public string Value { get; }

    public YamlNode Node { get; }

    public YamlScalarMap Map { get; }

    /// <summary>
    /// The requirement line pip reads for this item in the requirements file Cog generates (Cog 6110c912,
    /// Config.pythonPackageForArch): the item verbatim, unless Cog's SplitPinnedPythonRequirement finds a
    /// `name==version` in it — then Cog writes just that `name==version` (the last one) and moves
    /// `--find-links=`, `-f ` and `--extra-index-url=` values to option lines of their own at the top
    /// (torch/torchvision/tensorflow may be rewritten further; that is Cog's text, not the user's).
    /// Local artifacts and lines Cog refuses stay verbatim. Empty when Cog then removes the line because it
    /// names cog or coglet (filterManagedPackages, the same test the resolver's COG0617 uses): pip never reads it.
    /// </summary>
    public string PipText { get; }

    /// <summary>Where <see cref="PipText"/> starts in <see cref="Value"/>.</summary>
    public int PipTextOffset { get; }

    /// <summary>The document span of a span of <see cref="PipText"/> (the whole item when the map is not exact).</summary>
    public TextSpan MapPipSpan(TextSpan span) => Map.Map(new TextSpan(span.Start + PipTextOffset, span.Length));

    /// <summary>The exact document span of a span of <see cref="PipText"/>, or false.</summary>
    public bool TryMapPipSpan(TextSpan span, out TextSpan mapped) => Map.TryMap(new TextSpan(span.Start + PipTextOffset, span.Length), out mapped);

    /// <summary>
    /// The position in <see cref="Value"/> of a document offset inside this item: the character written
    /// there, or the end of the value for an offset at or after its last character; null when the map is
    /// not exact or the offset is before the value.
    /// </summary>
    public int? ValueIndexAt(int documentOffset)
    {
        if (!Map.IsExact)
        {
            return null;
        }

        for (var i = 0; i < Value.Length; i++)
        {
            if (Map.TryMap(new TextSpan(i, 1), out var span) && documentOffset < span.End)
            {
                return documentOffset >= span.Start || i > 0 ? i : null;
            }
        }

        return Value.Length;
    }

    private static (string Text, int Offset) PipLine(string value)
    {
        var (text, offset) = CogLine(value);
        // Cog then removes a cog or coglet line (and reports it, COG0617): pip has nothing to read.
        return CogPackages.ManagedPackageOf(text) is null ? (text, offset) : (string.Empty, 0);
    }

    /// <summary>The line Cog writes for the item, and where it starts in the value.</summary>
    private static (string Text, int Offset) CogLine(string value)
    {
        if (CogRequirementSyntax.IsLocalArtifactOrRefused(value) || CogRequirementSyntax.SplitPinned(value) is not { } pinned)
        {
            return (value, 0);
        }

        var end = pinned.VersionStart + pinned.Version.Length;
        return (value[pinned.NameStart..end], pinned.NameStart);
    }

    public override string ToString() => $"{Index}: {Value}";
}
