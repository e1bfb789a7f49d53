using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The PEP 425 tags pip inside the image supports, most preferred first, as pip's vendored
/// packaging.tags computes them natively there (cpython_tags then compatible_tags, with the platforms
/// of _manylinux.platform_tags for the image's glibc followed by linux_ARCH). The position of a tag is
/// pip's preference: a wheel ranks by the best position any of its tags reaches.
/// Invariants: musllinux never appears (the images are glibc); manylinux_2_N runs from the image's
/// glibc minor down to 2_5 on x86_64 and 2_17 elsewhere, each legacy alias (manylinux2014 = 2_17,
/// manylinux2010 = 2_12, manylinux1 = 2_5) right after the tag it stands for. This is the native order,
/// not what `pip --platform` makes of an explicit list (that path puts manylinux2010 and manylinux1
/// right after manylinux2014).
/// </summary>
public sealed class ImageTags
{
    private static readonly ConcurrentDictionary<ImageTarget, ImageTags> Cache = new();

    private readonly Dictionary<string, int> _priority;

    private ImageTags(ImmutableArray<string> tags)
    {
        Tags = tags;
        _priority = new Dictionary<string, int>(tags.Length, StringComparer.Ordinal);
        for (var i = 0; i < tags.Length; i++)
        {
            _priority.TryAdd(tags[i], i);
        }
    }

    /// <summary>Every supported tag as "interpreter-abi-platform", most preferred first.</summary>
    public ImmutableArray<string> Tags { get; }

    /// <summary>The platforms in pip's order (manylinux_2_N with aliases, then linux_ARCH).</summary>
    public static ImmutableArray<string> Platforms(ImageTarget target)
    {
        var arch = target.Architecture;
        var result = ImmutableArray.CreateBuilder<string>();

        // packaging: glibc 2 only (no glibc 3 exists); the oldest minor is 2_5 for x86_64/i686
        // ("too old" 2.4) and 2_17 for every other architecture ("too old" 2.16).
        if (target.GlibcMajor == 2)
        {
            var lowest = arch is "x86_64" or "i686" ? 5 : 17;
            for (var minor = target.GlibcMinor; minor >= lowest; minor--)
            {
                result.Add($"manylinux_2_{minor}_{arch}");
                var legacy = minor switch
                {
                    17 => "manylinux2014",
                    12 => "manylinux2010",
                    5 => "manylinux1",
                    _ => null,
                };
                if (legacy is not null)
                {
                    result.Add($"{legacy}_{arch}");
                }
            }
        }

        result.Add("linux_" + arch);
        return result.ToImmutable();
    }

    public static ImageTags For(ImageTarget target) => Cache.GetOrAdd(target, static t => new ImageTags(Build(t)));

    /// <summary>The preference of one tag (0 is best), or null when the image does not support it.</summary>
    public int? PriorityOf(string interpreter, string abi, string platform) =>
        _priority.TryGetValue($"{interpreter}-{abi}-{platform}", out var p) ? p : null;

    private static ImmutableArray<string> Build(ImageTarget target)
    {
        var platforms = Platforms(target);
        var major = target.PythonMajor;
        var minor = target.PythonMinor;
        var interpreter = $"cp{major}{minor}";
        var tags = ImmutableArray.CreateBuilder<string>();

        // cpython_tags: the interpreter's own ABI, then abi3 (CPython ≥ 3.2), then no ABI, then abi3 of
        // every older 3.x down to 3.2. Since 3.8 the ABI tag has no flags ("cp311", no "m").
        var abi = major == 3 && minor < 8 ? interpreter + "m" : interpreter;
        var abi3 = major > 3 || (major == 3 && minor >= 2);
        Add(tags, interpreter, abi, platforms);
        if (abi3)
        {
            Add(tags, interpreter, "abi3", platforms);
        }

        Add(tags, interpreter, "none", platforms);
        if (abi3)
        {
            for (var older = minor - 1; older >= 2; older--)
            {
                Add(tags, $"cp{major}{older}", "abi3", platforms);
            }
        }

        // compatible_tags: pyXY, pyX, pyX(Y-1) … pyX0 on each platform; then cpXY-none-any; then the
        // same py range on "any".
        var range = new List<string> { $"py{major}{minor}", $"py{major}" };
        for (var older = minor - 1; older >= 0; older--)
        {
            range.Add($"py{major}{older}");
        }

        foreach (var py in range)
        {
            Add(tags, py, "none", platforms);
        }

        tags.Add($"{interpreter}-none-any");
        foreach (var py in range)
        {
            tags.Add($"{py}-none-any");
        }

        return tags.ToImmutable();
    }

    private static void Add(ImmutableArray<string>.Builder tags, string interpreter, string abi, ImmutableArray<string> platforms)
    {
        foreach (var platform in platforms)
        {
            tags.Add($"{interpreter}-{abi}-{platform}");
        }
    }
}
