namespace CogLsp.Analysis.Cog;

/// <summary>What Cog did with one requirement when it wrote the requirements file it installs.</summary>
public enum CogLineAction
{
    /// <summary>Written exactly as read.</summary>
    Verbatim,

    /// <summary>Rebuilt by Cog as name==version (plus index options moved to the top), meaning unchanged or changed.</summary>
    Rewritten,

    /// <summary>Removed: cog/coglet (Cog installs its own) or a bare `-e .`.</summary>
    Dropped,

    /// <summary>A local wheel/sdist Cog copies into the image.</summary>
    LocalArtifact,

    /// <summary>A line Cog refuses (its build fails).</summary>
    Refused,
}
