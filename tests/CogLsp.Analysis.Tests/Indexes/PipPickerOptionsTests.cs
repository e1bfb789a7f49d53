using CogLsp.Analysis.Indexes;
using static CogLsp.Analysis.Tests.Indexes.IndexFixtures;

namespace CogLsp.Analysis.Tests.Indexes;

/// <summary>pip's pick under --no-binary, --only-binary, --prefer-binary and a line's --hash, for CPython 3.11 on x86_64 with glibc 2.35.</summary>
public sealed class PipPickerOptionsTests
{
    private const string Aa = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string Bb = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    [Fact]
    public void Only_binary_all_rules_out_sdists_so_an_older_wheel_wins() =>
        Assert.Equal("1.0 demo-1.0-py3-none-any.whl", Describe(Pick("", Options("--only-binary :all:"), Found("demo-2.0.tar.gz", "demo-1.0-py3-none-any.whl"))));

    [Fact]
    public void Only_binary_leaves_a_pinned_sdist_only_version_without_a_file_for_the_image()
    {
        var pick = Pick("==2.0", Options("--only-binary :all:"), Found("demo-2.0.tar.gz", "demo-2.0-cp312-cp312-manylinux_2_17_x86_64.whl", "demo-1.0-py3-none-any.whl"));
        Assert.Equal(PickOutcome.NoFileForImage, pick.Outcome);
        Assert.Equal("2.0", pick.Picked!.Version.ToString());
        Assert.Equal(
            ["demo-2.0.tar.gz FormatNotAllowed", "demo-2.0-cp312-cp312-manylinux_2_17_x86_64.whl PlatformMismatch"],
            pick.Files.Where(f => f.Version == pick.Picked.Version).Select(f => $"{f.File.FileName} {f.Verdict}"));
    }

    [Fact]
    public void No_binary_for_the_project_takes_the_sdist_over_a_better_wheel() =>
        Assert.Equal("1.0 demo-1.0.tar.gz", Describe(Pick("", Options("--no-binary demo"), Found("demo-1.0-py3-none-any.whl", "demo-1.0.tar.gz"))));

    [Fact]
    public void Format_options_for_other_projects_change_nothing() =>
        Assert.Equal("1.0 demo-1.0-py3-none-any.whl", Describe(Pick("", Options("--no-binary numpy,torch", "--only-binary :none:"), Found("demo-1.0-py3-none-any.whl", "demo-1.0.tar.gz"))));

    [Fact]
    public void A_name_beats_all_and_the_later_option_wins_per_name()
    {
        var answer = Found("demo-1.0-py3-none-any.whl", "demo-1.0.tar.gz");
        Assert.Equal("1.0 demo-1.0-py3-none-any.whl", Describe(Pick("", Options("--no-binary :all:", "--only-binary Demo"), answer)));
        Assert.Equal("1.0 demo-1.0.tar.gz", Describe(Pick("", Options("--only-binary demo", "--no-binary demo"), answer)));
        Assert.Equal("1.0 demo-1.0-py3-none-any.whl", Describe(Pick("", Options("--no-binary :all:", "--no-binary :none:"), answer)));
    }

    [Fact]
    public void Prefer_binary_takes_an_older_wheel_over_a_newer_sdist()
    {
        var answer = Found("demo-2.0.tar.gz", "demo-1.0-py3-none-any.whl");
        Assert.Equal("2.0 demo-2.0.tar.gz", Describe(Pick("", answer)));
        Assert.Equal("1.0 demo-1.0-py3-none-any.whl", Describe(Pick("", Options("--prefer-binary"), answer)));
    }

    [Fact]
    public void A_file_with_an_allowed_hash_wins_over_newer_files_that_list_other_hashes() =>
        Assert.Equal("1.0 demo-1.0.tar.gz", Describe(Pick(">=1.0", Options($"--hash=sha256:{Aa}"), Found($"demo-1.0.tar.gz sha256={Aa}", $"demo-2.0.tar.gz sha256={Bb}"))));

    [Fact]
    public void A_file_that_matches_ranks_above_a_better_wheel_without_a_hash() =>
        Assert.Equal("1.0 demo-1.0.tar.gz", Describe(Pick("==1.0", Options($"--hash=sha256:{Aa}"), Found($"demo-1.0.tar.gz sha256={Aa}", "demo-1.0-py3-none-any.whl"))));

    [Fact]
    public void When_no_listed_file_matches_pip_downloads_the_usual_file_and_its_check_fails() =>
        Assert.Equal(
            "HashMismatch 1.0 demo-1.0-py3-none-any.whl",
            Describe(Pick("==1.0", Options($"--hash=sha256:{Aa}"), Found($"demo-1.0-py3-none-any.whl sha256={Bb}", $"demo-1.0.tar.gz sha256={Bb}"))));

    [Fact]
    public void A_file_without_a_listed_digest_or_with_only_other_algorithms_is_not_a_known_mismatch()
    {
        Assert.Equal("1.0 demo-1.0.tar.gz", Describe(Pick("==1.0", Options($"--hash=sha256:{Aa}"), Found("demo-1.0.tar.gz"))));
        Assert.Equal("1.0 demo-1.0.tar.gz", Describe(Pick("==1.0", Options($"--hash=sha512:{Aa}"), Found($"demo-1.0.tar.gz sha256={Bb}"))));
        Assert.Equal("1.0 demo-1.0.tar.gz", Describe(Pick("==1.0", Options($"--hash=sha256:{Bb}", $"--hash=sha512:{Aa}"), Found($"demo-1.0.tar.gz sha256={Aa}"))));
    }

    [Fact]
    public void A_silent_source_may_list_the_matching_file() =>
        Assert.Equal(nameof(PickOutcome.Unknown), Describe(Pick("==1.0", Options($"--hash=sha256:{Aa}"), Found($"demo-1.0.tar.gz sha256={Bb}"), Unavailable(Simple("https://extra.example/simple/")))));
}
