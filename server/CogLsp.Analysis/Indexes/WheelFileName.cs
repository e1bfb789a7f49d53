using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// A wheel file name split as pip's Wheel model does (PEP 427): name, version, optional build tag and the
/// tag triples, where each of the three parts may be a compressed set ("py2.py3", "manylinux_2_17_x86_64.
/// manylinux2014_x86_64"). The name and version have '_' read as '-', as pip does.
/// </summary>
public sealed partial record WheelFileName(
    string Name,
    string Version,
    string? BuildTag,
    ImmutableArray<string> Interpreters,
    ImmutableArray<string> Abis,
    ImmutableArray<string> Platforms)
{
    /// <summary>The build tag as pip sorts it: the leading number and the rest (later sorts better); (−1, "") without one, which sorts below every build tag.</summary>
    public (int Number, string Suffix) BuildKey
    {
        get
        {
            if (BuildTag is null)
            {
                return (-1, string.Empty);
            }

            var digits = 0;
            while (digits < BuildTag.Length && char.IsAsciiDigit(BuildTag[digits]))
            {
                digits++;
            }

            // Python's int() of a long digit run never overflows; saturate instead (such tags do not occur).
            var number = int.TryParse(BuildTag.AsSpan(0, digits), out var n) ? n : int.MaxValue;
            return (number, BuildTag[digits..]);
        }
    }

    /// <summary>Parses "name-version[-build]-py-abi-plat.whl"; null when pip would call the name invalid.</summary>
    public static WheelFileName? TryParse(string fileName)
    {
        var m = Pattern().Match(fileName);
        if (!m.Success)
        {
            return null;
        }

        return new WheelFileName(
            m.Groups["name"].Value.Replace('_', '-'),
            m.Groups["ver"].Value.Replace('_', '-'),
            m.Groups["build"].Success ? m.Groups["build"].Value : null,
            [.. m.Groups["pyver"].Value.Split('.')],
            [.. m.Groups["abi"].Value.Split('.')],
            [.. m.Groups["plat"].Value.Split('.')]);
    }

    /// <summary>The best (lowest) preference any of the file's tags reaches in <paramref name="tags"/>, or null when none is supported.</summary>
    public int? BestPriority(ImageTags tags)
    {
        int? best = null;
        foreach (var interpreter in Interpreters)
        {
            foreach (var abi in Abis)
            {
                foreach (var platform in Platforms)
                {
                    if (tags.PriorityOf(interpreter, abi, platform) is { } p && (best is null || p < best))
                    {
                        best = p;
                    }
                }
            }
        }

        return best;
    }

    // pip's models/wheel.py wheel_file_re, without the ".dist-info" alternative (index files are never
    // that). Python's \s is Unicode whitespace, as .NET's is; \d is ASCII-restricted here the way the
    // build-tag int() conversion needs it.
    [GeneratedRegex(@"^(?<namever>(?<name>[^\s-]+?)-(?<ver>[^\s-]*?))((-(?<build>[0-9][^-]*?))?-(?<pyver>[^\s-]+?)-(?<abi>[^\s-]+?)-(?<plat>[^\s-]+?)\.whl)$")]
    private static partial Regex Pattern();
}
