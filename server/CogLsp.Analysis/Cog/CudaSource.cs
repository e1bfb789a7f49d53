namespace CogLsp.Analysis.Cog;

/// <summary>Where the CUDA version Cog builds with came from.</summary>
public enum CudaSource
{
    /// <summary>No GPU build: no CUDA.</summary>
    None,

    /// <summary>build.cuda in cog.yaml.</summary>
    CogYaml,

    /// <summary>The torch pin (the newest CUDA Cog's table has for it).</summary>
    TorchPin,

    /// <summary>The tensorflow pin (the CUDA its row requires).</summary>
    TensorFlowPin,

    /// <summary>Cog's default CUDA (11.8) when nothing else decides.</summary>
    Default,
}
