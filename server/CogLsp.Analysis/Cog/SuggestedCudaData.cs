using CogLsp.Analysis.Diagnostics;

namespace CogLsp.Analysis.Cog;

/// <summary>The CUDA version Cog suggests for build.cuda, as Cog's table gives it ("11.8").</summary>
public sealed record SuggestedCudaData(string Cuda) : DiagnosticData;
