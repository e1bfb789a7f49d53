using System.Collections.Immutable;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// Cog's pre-built base images (pkg/dockerfile/base.go BaseImageConfigurations, BaseImageName,
/// BaseImageConfigurationExists) as far as the table decides them: which CUDA/Python/torch
/// combinations Cog would look for in its registry, and the image name. Whether the registry really
/// has the image is not known here.
/// </summary>
internal sealed class CogBaseImageCatalog(CompatibilityTable table)
{
    private const string MinimumCuda = "11.6";
    private const string MinimumPython = "3.10";
    private const string MinimumTorch = "1.13.1";

    private readonly ImmutableArray<(string Cuda, string Python, string Torch)> _configurations = Build(table);

    /// <summary>The image name when the table allows this combination, else the reason Cog gives.</summary>
    public (string? Name, string? Problem) Find(string cuda, string python, string torch)
    {
        (cuda, python, torch) = Normalise(cuda, python, torch);
        var valid = _configurations.Any(c => Compatible(c.Cuda, cuda) && Compatible(c.Python, python) && Compatible(c.Torch, torch));
        if (!valid)
        {
            static string None(string s) => s.Length == 0 ? "(none)" : s;
            return (null, $"unsupported base image configuration: CUDA: {None(cuda)} / Python: {None(python)} / Torch: {None(torch)}");
        }

        var parts = new List<string>();
        if (cuda.Length > 0)
        {
            parts.Add("cuda" + CogVersion.StripPatch(cuda));
        }

        if (python.Length > 0)
        {
            parts.Add("python" + CogVersion.StripPatch(python));
        }

        if (torch.Length > 0)
        {
            parts.Add("torch" + CogVersion.StripModifier(torch));
        }

        var tag = parts.Count == 0 ? "latest" : string.Join("-", parts);
        return ($"{CogResolver.CogBaseRegistry}/cog-base:{tag}", null);
    }

    private (string Cuda, string Python, string Torch) Normalise(string cuda, string python, string torch)
    {
        var best = string.Empty;
        foreach (var c in _configurations)
        {
            if (Compatible(c.Cuda, cuda) && Compatible(c.Python, python) && Compatible(c.Torch, torch)
                && (best.Length == 0 || CogVersion.Greater(c.Torch, best)))
            {
                best = CogVersion.StripModifier(c.Torch);
            }
        }

        return (cuda, python, best);
    }

    private static bool Compatible(string configured, string requested) =>
        configured.Length == 0 || requested.Length == 0 ? configured == requested : CogVersion.Matches(requested, configured);

    private static ImmutableArray<(string, string, string)> Build(CompatibilityTable table)
    {
        var result = ImmutableArray.CreateBuilder<(string, string, string)>();
        var pythons = new List<string>();
        var cudas = new List<string>();
        foreach (var row in table.Torch)
        {
            foreach (var python in row.Pythons)
            {
                if (!CogVersion.GreaterOrEqual(python, MinimumPython) || !CogVersion.GreaterOrEqual(row.Torch, MinimumTorch))
                {
                    continue;
                }

                if (row.Cuda is null)
                {
                    result.Add((string.Empty, python, row.Torch));
                }
                else if (CogVersion.GreaterOrEqual(row.Cuda, MinimumCuda))
                {
                    result.Add((row.Cuda, python, row.Torch));
                    if (!pythons.Contains(python))
                    {
                        pythons.Add(python);
                    }

                    if (!cudas.Contains(row.Cuda))
                    {
                        cudas.Add(row.Cuda);
                    }
                }
            }
        }

        foreach (var python in pythons)
        {
            foreach (var cuda in cudas)
            {
                result.Add((cuda, python, string.Empty));
            }

            result.Add((string.Empty, python, string.Empty));
        }

        return result.ToImmutable();
    }
}
