using CogLsp.Analysis.Indexes;

namespace CogLsp.Analysis.Tests.Indexes;

/// <summary>The image's tags, rule by rule (the full lists are compared with pip in <see cref="PipOracleTests"/>).</summary>
public sealed class ImageTagsTests
{
    [Fact]
    public void Platforms_run_from_the_glibc_down_with_each_legacy_alias_after_its_tag()
    {
        var platforms = ImageTags.Platforms(new ImageTarget(3, 11, "x86_64", 2, 18));
        Assert.Equal(
            ["manylinux_2_18_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64", "manylinux_2_16_x86_64", "manylinux_2_15_x86_64",
             "manylinux_2_14_x86_64", "manylinux_2_13_x86_64", "manylinux_2_12_x86_64", "manylinux2010_x86_64", "manylinux_2_11_x86_64",
             "manylinux_2_10_x86_64", "manylinux_2_9_x86_64", "manylinux_2_8_x86_64", "manylinux_2_7_x86_64", "manylinux_2_6_x86_64",
             "manylinux_2_5_x86_64", "manylinux1_x86_64", "linux_x86_64"],
            platforms.ToArray());
    }

    [Fact]
    public void Aarch64_stops_at_manylinux2014_and_no_platform_is_musllinux()
    {
        var platforms = ImageTags.Platforms(new ImageTarget(3, 12, "aarch64", 2, 39));
        Assert.Equal(["manylinux_2_17_aarch64", "manylinux2014_aarch64", "linux_aarch64"], platforms.TakeLast(3));
        Assert.DoesNotContain(ImageTags.For(new ImageTarget(3, 12, "aarch64", 2, 39)).Tags, t => t.Contains("musllinux", StringComparison.Ordinal));
    }

    [Fact]
    public void The_interpreters_own_abi_beats_abi3_which_beats_pure_python_wheels()
    {
        var tags = ImageTags.For(new ImageTarget(3, 11, "x86_64", 2, 35));
        var own = tags.PriorityOf("cp311", "cp311", "manylinux_2_17_x86_64");
        var abi3 = tags.PriorityOf("cp311", "abi3", "manylinux_2_35_x86_64");
        var olderAbi3 = tags.PriorityOf("cp32", "abi3", "manylinux_2_35_x86_64");
        var pure = tags.PriorityOf("py3", "none", "any");
        Assert.True(own < abi3 && abi3 < olderAbi3 && olderAbi3 < pure, $"{own} {abi3} {olderAbi3} {pure}");
        Assert.Null(tags.PriorityOf("cp31", "abi3", "manylinux_2_35_x86_64"));
        Assert.Null(tags.PriorityOf("cp312", "cp312", "manylinux_2_17_x86_64"));
        Assert.Null(tags.PriorityOf("cp311", "cp311", "manylinux_2_36_x86_64"));
    }

    [Fact]
    public void Pure_python_tags_end_with_the_interpreter_then_pyXY_then_py3_on_any() =>
        Assert.Equal(
            ["cp310-none-any", "py310-none-any", "py3-none-any", "py39-none-any"],
            ImageTags.For(new ImageTarget(3, 10, "x86_64", 2, 35)).Tags.SkipWhile(t => !t.EndsWith("-any", StringComparison.Ordinal)).Take(4));
}
