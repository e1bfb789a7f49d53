namespace CogLsp.Analysis.Workspace;

/// <summary>
/// How the file system the client edits on spells and compares paths. The server runs where the files
/// are, so <see cref="Current"/> is right in production; tests pass the others, since Windows and macOS
/// behaviour cannot be run here. Paths inside Analysis always use '/' separators; a Windows path keeps its
/// drive (`C:/Users/me`) or its UNC host and share (`//server/share`).
/// </summary>
public sealed class PathFlavor
{
    private PathFlavor(string name, bool hasDrives, bool ignoreCase)
    {
        Name = name;
        HasDrives = hasDrives;
        IgnoreCase = ignoreCase;
    }

    /// <summary>POSIX paths, case-sensitive.</summary>
    public static PathFlavor Linux { get; } = new("linux", hasDrives: false, ignoreCase: false);

    /// <summary>POSIX paths on a case-insensitive file system (APFS and HFS+ as macOS formats them by default).</summary>
    public static PathFlavor MacOs { get; } = new("macos", hasDrives: false, ignoreCase: true);

    /// <summary>Drive letters, UNC shares and backslashes; case-insensitive.</summary>
    public static PathFlavor Windows { get; } = new("windows", hasDrives: true, ignoreCase: true);

    /// <summary>The flavor of the OS this process runs on.</summary>
    public static PathFlavor Current { get; } = OperatingSystem.IsWindows() ? Windows : OperatingSystem.IsMacOS() ? MacOs : Linux;

    public string Name { get; }

    /// <summary>True where a file URI may name a drive (`file:///c%3A/…`) or a UNC share (`file://server/share/…`).</summary>
    public bool HasDrives { get; }

    /// <summary>True where two spellings that differ only in letter case name the same file.</summary>
    public bool IgnoreCase { get; }

    /// <summary>Equality of paths on this file system.</summary>
    public StringComparer Comparer => IgnoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    public override string ToString() => Name;
}
