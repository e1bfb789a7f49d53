namespace CogLsp.Analysis.Indexes;

/// <summary>What pip in the image would conclude for one requirement, from the answers of its sources.</summary>
public enum PickOutcome
{
    /// <summary>A version and a file were picked.</summary>
    Picked,

    /// <summary>Pinned (`==`/`===`) to a version no source lists.</summary>
    PinNotListed,

    /// <summary>Versions exist, but none satisfies the specifier (after pip's yank and pre-release rules).</summary>
    NothingMatches,

    /// <summary>Every consulted source answered 404.</summary>
    ProjectNotFound,

    /// <summary>The version is chosen, but none of its files installs in the image (Requires-Python, wheels
    /// for other Pythons or platforms only, and no sdist).</summary>
    NoFileForImage,

    /// <summary>The line has `--hash` options, and the file pip takes (<see cref="IndexPick.Picked"/>) lists
    /// digests that none of them matches: pip downloads it and fails its hash check.</summary>
    HashMismatch,

    /// <summary>Some source proved nothing (unavailable) and the others do not settle it.</summary>
    Unknown,
}
