namespace CogLsp.Analysis.Cog;

/// <summary>One NVIDIA CUDA image Cog may build on: its tag, CUDA (with patch), cuDNN major and Ubuntu release.</summary>
public sealed record CudaBaseImage(string Tag, string Cuda, string Cudnn, bool IsDevel, string Ubuntu)
{
    public string ImageName => "nvidia/cuda:" + Tag;
}
