namespace CogLsp.Analysis;

/// <summary>
/// Package-index settings. <see cref="Enabled"/> says whether the index rules run at all: the server is
/// online by default (`cogLsp.index.enabled`), `check` only with `--online`, so CI stays deterministic.
/// <see cref="DefaultIndexUrl"/> stands for pip's default index (PyPI) and <see cref="PyTorchBaseUrl"/> for
/// the base of the PyTorch indexes Cog adds (`https://download.pytorch.org/whl/`); both can point at mirrors.
/// </summary>
public sealed record PackageIndexSettings(bool Enabled, string DefaultIndexUrl, string PyTorchBaseUrl)
{
    public static PackageIndexSettings Default { get; } = new(false, Indexes.IndexSettings.PyPI, Indexes.IndexSettings.PyTorchBase);
}
