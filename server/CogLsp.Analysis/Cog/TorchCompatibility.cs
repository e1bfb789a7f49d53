using System.Collections.Immutable;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// One row of Cog's torch table: a torch build with the torchvision and torchaudio releases that go
/// with it, where pip finds it (an extra index URL or a find-links page; both empty means PyPI), the
/// CUDA it was built for (null for a CPU build) and the Python versions it has wheels for.
/// </summary>
public sealed record TorchCompatibility(
    string Torch,
    string Torchvision,
    string Torchaudio,
    string FindLinks,
    string ExtraIndexUrl,
    string? Cuda,
    ImmutableArray<string> Pythons)
{
    /// <summary>The torch version without its local tag ("1.11.0+cu113" gives "1.11.0").</summary>
    public string TorchVersion => CogVersion.StripModifier(Torch);

    public string TorchvisionVersion => CogVersion.StripModifier(Torchvision);

    /// <summary>This row's version of <paramref name="package"/> (torch, torchvision or torchaudio), or null for another name.</summary>
    public string? VersionOf(string package) => package switch
    {
        "torch" => Torch,
        "torchvision" => Torchvision,
        "torchaudio" => Torchaudio,
        _ => null,
    };
}
