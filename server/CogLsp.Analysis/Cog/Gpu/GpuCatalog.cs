using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace CogLsp.Analysis.Cog.Gpu;

/// <summary>
/// GPU names and their compute capabilities (NVIDIA's published table, developer.nvidia.com/cuda-gpus).
/// Names match case-, space- and dash-insensitively, with or without a vendor or line prefix ("NVIDIA",
/// "GeForce", "Tesla") and a form or memory suffix ("-SXM4-80GB", " PCIe", " NVL"), so both "a100" and
/// nvidia-smi's "NVIDIA A100-SXM4-80GB" are A100.
/// </summary>
public static partial class GpuCatalog
{
    /// <summary>(display name, compute capability), one row per model.</summary>
    public static ImmutableArray<(string Name, ComputeCapability Capability)> Entries { get; } =
    [
        ("K80", new(3, 7)),
        ("P100", new(6, 0)), ("P4", new(6, 1)), ("P40", new(6, 1)),
        ("V100", new(7, 0)), ("Titan V", new(7, 0)),
        ("T4", new(7, 5)), ("RTX 2080", new(7, 5)), ("RTX 2080 Ti", new(7, 5)), ("Titan RTX", new(7, 5)), ("Quadro RTX 8000", new(7, 5)),
        ("A100", new(8, 0)), ("A30", new(8, 0)), ("A800", new(8, 0)),
        ("A10", new(8, 6)), ("A10G", new(8, 6)), ("A16", new(8, 6)), ("A2", new(8, 6)), ("A40", new(8, 6)),
        ("RTX A4000", new(8, 6)), ("RTX A5000", new(8, 6)), ("RTX A6000", new(8, 6)),
        ("RTX 3060", new(8, 6)), ("RTX 3070", new(8, 6)), ("RTX 3080", new(8, 6)), ("RTX 3080 Ti", new(8, 6)), ("RTX 3090", new(8, 6)), ("RTX 3090 Ti", new(8, 6)),
        ("Jetson AGX Orin", new(8, 7)),
        ("L4", new(8, 9)), ("L40", new(8, 9)), ("L40S", new(8, 9)), ("L20", new(8, 9)), ("RTX 6000 Ada", new(8, 9)),
        ("RTX 4060", new(8, 9)), ("RTX 4070", new(8, 9)), ("RTX 4080", new(8, 9)), ("RTX 4090", new(8, 9)),
        ("H100", new(9, 0)), ("H200", new(9, 0)), ("H800", new(9, 0)), ("H20", new(9, 0)), ("GH200", new(9, 0)),
        ("B100", new(10, 0)), ("B200", new(10, 0)), ("GB200", new(10, 0)),
        ("B300", new(10, 3)), ("GB300", new(10, 3)),
        ("RTX 5060", new(12, 0)), ("RTX 5070", new(12, 0)), ("RTX 5080", new(12, 0)), ("RTX 5090", new(12, 0)), ("RTX PRO 6000", new(12, 0)),
        ("GB10", new(12, 1)),
    ];

    private static readonly FrozenDictionary<string, (string Name, ComputeCapability Capability)> ByKey =
        Entries.ToFrozenDictionary(e => Key(e.Name), e => e);

    /// <summary>The catalog entry the name means, or null.</summary>
    public static (string Name, ComputeCapability Capability)? Find(string name)
    {
        var tokens = Tokens().Matches(name.ToLowerInvariant()).Select(m => m.Value).ToList();
        while (tokens.Count > 1 && tokens[0] is "nvidia" or "geforce" or "tesla" or "quadro")
        {
            tokens.RemoveAt(0);
        }

        if (ByKey.TryGetValue(string.Concat(tokens), out var entry))
        {
            return entry;
        }

        while (tokens.Count > 1 && SuffixToken().IsMatch(tokens[^1]))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }

        return ByKey.TryGetValue(string.Concat(tokens), out entry) ? entry : null;
    }

    /// <summary>Lower case, letters and digits only, without a vendor or product-line prefix.</summary>
    private static string Key(string name)
    {
        var tokens = Tokens().Matches(name.ToLowerInvariant()).Select(m => m.Value).SkipWhile(t => t is "nvidia" or "geforce" or "tesla" or "quadro");
        return string.Concat(tokens);
    }

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex Tokens();

    /// <summary>Form factor, memory, generation and edition words nvidia-smi prints after the model ("-SXM4-80GB", "HBM3", "Ada Generation").</summary>
    [GeneratedRegex("^(?:sxm\\d*|pcie|nvl|\\d+gb|hbm\\d*e?|generation|workstation|server|edition|maxq|blackwell)$")]
    private static partial Regex SuffixToken();
}
