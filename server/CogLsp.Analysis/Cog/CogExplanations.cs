namespace CogLsp.Analysis.Cog;

/// <summary>The words that explain Cog's choices to users, shared by the findings, hovers and cog.yaml rules that show them.</summary>
public static class CogExplanations
{
    /// <summary>Where the CUDA of a GPU build came from ("chosen from the torch pin").</summary>
    public static string CudaSource(CudaSource source) => source switch
    {
        Cog.CudaSource.CogYaml => "set by build.cuda",
        Cog.CudaSource.TorchPin => "chosen from the torch pin",
        Cog.CudaSource.TensorFlowPin => "chosen from the tensorflow pin",
        _ => "Cog's default",
    };

    /// <summary>Why Cog wrote a framework pin as it did: the build kind and, for GPU, the CUDA and where it came from.</summary>
    public static string Why(bool gpu, string cuda, CudaSource source) =>
        gpu ? $"gpu: true, CUDA {cuda} {CudaSource(source)}" : "gpu: false, CPU build";
}
