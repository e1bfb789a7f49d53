namespace CogLsp.Analysis.Cog;

/// <summary>Which of Cog's steps stops the build: what decides which rule reports the error, and where.</summary>
public enum CogErrorKind
{
    /// <summary>Cog succeeds.</summary>
    None,

    /// <summary>validate.go refuses a value of cog.yaml; the cog.yaml validation rules (COG02xx) report it.</summary>
    Validation,

    /// <summary>validate.go refuses a pair of versions (CUDA and cuDNN, TensorFlow and CUDA), which only the resolution knows.</summary>
    IncompatibleVersions,

    /// <summary>Resolution fails: reading the requirements, choosing CUDA/cuDNN, a local artifact, or the base image.</summary>
    Resolution,
}
