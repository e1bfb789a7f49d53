using System.Globalization;
using System.Text.RegularExpressions;

namespace CogLsp.Analysis.Cog.Gpu;

/// <summary>
/// An NVIDIA compute capability (major.minor), as nvidia-smi prints it ("9.0") and as kernels are named
/// ("sm_90"). Ordered by major, then minor.
/// </summary>
public readonly partial record struct ComputeCapability(int Major, int Minor) : IComparable<ComputeCapability>
{
    public int CompareTo(ComputeCapability other) => Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(ComputeCapability a, ComputeCapability b) => a.CompareTo(b) < 0;

    public static bool operator >(ComputeCapability a, ComputeCapability b) => a.CompareTo(b) > 0;

    public static bool operator <=(ComputeCapability a, ComputeCapability b) => a.CompareTo(b) <= 0;

    public static bool operator >=(ComputeCapability a, ComputeCapability b) => a.CompareTo(b) >= 0;

    /// <summary>The kernel architecture name: "sm_90", "sm_120".</summary>
    public string SmName => string.Create(CultureInfo.InvariantCulture, $"sm_{Major}{Minor}");

    public override string ToString() => SmName;

    /// <summary>
    /// "X.Y" (nvidia-smi's compute_cap, surrounding blanks allowed, as doctor's parseCapability reads it),
    /// or "sm_XY" / "smXY" / "compute_XY" (the last digit is the minor: sm_86 is 8.6, sm_120 is 12.0).
    /// </summary>
    public static ComputeCapability? TryParse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (DottedPattern().Match(trimmed) is { Success: true } dotted)
        {
            return Make(dotted.Groups[1].Value, dotted.Groups[2].Value);
        }

        if (SmPattern().Match(trimmed) is { Success: true } sm)
        {
            var digits = sm.Groups[1].Value;
            return Make(digits[..^1], digits[^1..]);
        }

        return null;
    }

    private static ComputeCapability? Make(string major, string minor) =>
        int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && int.TryParse(minor, NumberStyles.None, CultureInfo.InvariantCulture, out var b) && a is > 0 and < 100 && b < 100
            ? new ComputeCapability(a, b)
            : null;

    [GeneratedRegex(@"^(\d{1,2})\.(\d{1,2})$")]
    private static partial Regex DottedPattern();

    [GeneratedRegex(@"^(?:sm|compute)_?(\d{2,3})[a-z]?$", RegexOptions.IgnoreCase)]
    private static partial Regex SmPattern();
}
