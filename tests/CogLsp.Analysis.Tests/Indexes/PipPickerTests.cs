using CogLsp.Analysis.Indexes;
using CogLsp.Syntax.Pep440;
using static CogLsp.Analysis.Tests.Indexes.IndexFixtures;

namespace CogLsp.Analysis.Tests.Indexes;

/// <summary>pip's pick rule by rule, for CPython 3.11 on x86_64 with glibc 2.35 unless a test says otherwise.</summary>
public sealed class PipPickerTests
{
    [Fact]
    public void The_newest_admitted_version_wins() =>
        Assert.Equal("1.10 demo-1.10.tar.gz", Describe(Pick(">=1.0", Found("demo-1.2.tar.gz", "demo-1.10.tar.gz", "demo-0.9.tar.gz"))));

    [Fact]
    public void A_yanked_release_is_skipped_by_a_range() =>
        Assert.Equal("1.1 demo-1.1.tar.gz", Describe(Pick(">=1.0", Found("demo-1.1.tar.gz", "demo-1.2.tar.gz yanked=broken"))));

    [Fact]
    public void A_yanked_release_is_installed_when_pinned_and_reported_with_its_reason()
    {
        var pick = Pick("==1.2", Found("demo-1.1.tar.gz", "demo-1.2.tar.gz yanked=broken"));
        Assert.Equal("1.2 demo-1.2.tar.gz", Describe(pick));
        Assert.True(pick.Picked!.Yanked);
        Assert.Equal("broken", pick.Picked.YankedReason);
    }

    [Fact]
    public void A_wildcard_pin_does_not_admit_a_yanked_release() =>
        Assert.Equal(nameof(PickOutcome.NothingMatches), Describe(Pick("==1.2.*", Found("demo-1.1.tar.gz", "demo-1.2.tar.gz yanked"))));

    [Fact]
    public void A_pin_prefers_the_unyanked_file_of_the_version() =>
        Assert.Equal("1.2 demo-1.2.tar.gz", Describe(Pick("==1.2", Found("demo-1.2-py3-none-any.whl yanked", "demo-1.2.tar.gz"))));

    [Fact]
    public void Pre_releases_only_when_a_clause_names_one_or_pre_is_set()
    {
        var answer = Found("demo-1.0.tar.gz", "demo-2.0b1.tar.gz");
        Assert.Equal("1.0 demo-1.0.tar.gz", Describe(Pick(">=1.0", answer)));
        Assert.Equal("2.0b1 demo-2.0b1.tar.gz", Describe(Pick(">=2.0a1", answer)));
        Assert.Equal("2.0b1 demo-2.0b1.tar.gz", Describe(Pick(">=1.0", pre: true, Py311, answer)));
    }

    [Fact]
    public void Without_a_specifier_only_pre_releases_are_taken_when_no_final_exists() =>
        Assert.Equal("2.0b1 demo-2.0b1.tar.gz", Describe(Pick("", Found("demo-2.0a1.tar.gz", "demo-2.0b1.tar.gz"))));

    [Fact]
    public void With_a_specifier_pre_releases_are_not_a_fallback() =>
        Assert.Equal(nameof(PickOutcome.NothingMatches), Describe(Pick(">=1.0", Found("demo-2.0a1.tar.gz", "demo-2.0b1.tar.gz"))));

    [Fact]
    public void Requires_python_excluding_the_image_falls_back_to_an_older_release() =>
        Assert.Equal("1.0 demo-1.0.tar.gz", Describe(Pick("", Found("demo-1.0.tar.gz requires=>=3.8", "demo-2.0.tar.gz requires=>=3.12"))));

    [Fact]
    public void An_invalid_requires_python_is_ignored() =>
        Assert.Equal("2.0 demo-2.0.tar.gz", Describe(Pick("", Found("demo-1.0.tar.gz", "demo-2.0.tar.gz requires=>=3.6.*"))));

    [Fact]
    public void Requires_python_is_checked_against_the_patch_release() =>
        Assert.Equal("1.0 demo-1.0.tar.gz", Describe(Pick("", Found("demo-1.0.tar.gz", "demo-2.0.tar.gz requires=>=3.11.8"))));

    [Fact]
    public void The_best_ranked_wheel_beats_less_specific_wheels_and_the_sdist() =>
        Assert.Equal(
            "1.0 demo-1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
            Describe(Pick("", Found(
                "demo-1.0.tar.gz",
                "demo-1.0-py3-none-any.whl",
                "demo-1.0-cp38-abi3-manylinux2014_x86_64.whl",
                "demo-1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl",
                "demo-1.0-cp312-cp312-manylinux_2_17_x86_64.whl"))));

    [Fact]
    public void A_wheel_for_a_newer_glibc_than_the_image_does_not_install() =>
        Assert.Equal("1.0 demo-1.0.tar.gz", Describe(Pick("", Found("demo-1.0.tar.gz", "demo-1.0-cp311-cp311-manylinux_2_39_x86_64.whl", "demo-1.0-cp311-cp311-musllinux_1_2_x86_64.whl"))));

    [Fact]
    public void The_highest_build_tag_wins_among_equal_wheels() =>
        Assert.Equal("1.0 demo-1.0-10-py3-none-any.whl", Describe(Pick("", Found("demo-1.0-2-py3-none-any.whl", "demo-1.0-10-py3-none-any.whl", "demo-1.0-py3-none-any.whl"))));

    [Fact]
    public void A_newer_version_beats_a_better_wheel() =>
        Assert.Equal("1.1 demo-1.1.tar.gz", Describe(Pick("", Found("demo-1.0-cp311-cp311-manylinux_2_17_x86_64.whl", "demo-1.1.tar.gz"))));

    [Fact]
    public void Among_equal_files_the_later_source_wins_and_find_links_come_first()
    {
        var index = Simple("https://mirror.example/simple/");
        var links = Links("https://example.org/wheels.html");
        var pick = Pick("", Found(index, "demo-1.0.tar.gz"), Found(links, "demo-1.0.tar.gz"));
        Assert.Equal(index, pick.Picked!.Source);
    }

    [Fact]
    public void Files_of_other_projects_and_formats_pip_skips_are_not_candidates()
    {
        var pick = Pick("", Found(Links(), "demo_extra-3.0.tar.gz", "demo-4.0-py3.11.egg", "demo-4.0.win-amd64.exe", "demo-5.0.rpm", "Demo.Pkg-9.0.tar.gz", "DEMO-1.0.zip"));
        Assert.Equal("1.0 DEMO-1.0.zip", Describe(pick));
        Assert.Equal([Pep440Version.Parse("1.0")], pick.Versions.Select(v => v.Version));
    }

    [Fact]
    public void A_pin_no_source_lists_names_the_nearest_versions()
    {
        var pick = Pick("==1.3", Found("demo-1.2.tar.gz", "demo-1.4b1.tar.gz", "demo-1.5.tar.gz yanked", "demo-1.6.tar.gz", "demo-1.1.tar.gz"));
        Assert.Equal(PickOutcome.PinNotListed, pick.Outcome);
        var nearest = PipPicker.Nearest(pick.Versions, Pep440Version.Parse("1.3"));
        Assert.Equal(("1.2", "1.6"), (nearest.Below?.Version.ToString(), nearest.Above?.Version.ToString()));
    }

    [Fact]
    public void Versions_are_listed_newest_first_with_yank_pre_release_and_file_for_the_image()
    {
        var pick = Pick("", Found("demo-1.0.tar.gz", "demo-2.0b1.tar.gz", "demo-1.5.tar.gz yanked=oops", "demo-1.7-cp312-cp312-manylinux_2_17_x86_64.whl"));
        Assert.Equal(
            ["2.0b1 pre file", "1.7 no-file", "1.5 yanked file", "1.0 file"],
            pick.Versions.Select(v => $"{v.Version}{(v.IsPrerelease ? " pre" : "")}{(v.Yanked ? " yanked" : "")} {(v.BestFile is null ? "no-file" : "file")}"));
    }

    [Fact]
    public void Every_source_answering_404_means_the_project_does_not_exist() =>
        Assert.Equal(nameof(PickOutcome.ProjectNotFound), Describe(Pick("", NotFound(Simple()), NotFound(Simple("https://extra.example/simple/")))));

    [Fact]
    public void A_range_nothing_satisfies() =>
        Assert.Equal(nameof(PickOutcome.NothingMatches), Describe(Pick(">=3", Found("demo-1.0.tar.gz", "demo-2.0.tar.gz"))));

    [Fact]
    public void Wheels_only_for_other_pythons_and_no_sdist_leave_no_file_for_the_image()
    {
        var pick = Pick("==2.0", Found("demo-2.0-cp312-cp312-manylinux_2_17_x86_64.whl", "demo-2.0-cp311-cp311-win_amd64.whl", "demo-1.0.tar.gz"));
        Assert.Equal(PickOutcome.NoFileForImage, pick.Outcome);
        Assert.Equal("2.0", pick.Picked!.Version.ToString());
        Assert.Null(pick.Picked.BestFile);
        Assert.All(pick.Files.Where(f => f.Version == pick.Picked.Version), f => Assert.Equal(FileVerdict.PlatformMismatch, f.Verdict));
    }

    [Fact]
    public void Requires_python_on_every_file_of_the_pin_leaves_no_file_for_the_image() =>
        Assert.Equal(nameof(PickOutcome.NoFileForImage), Describe(Pick("==2.0", Found("demo-2.0.tar.gz requires=>=3.12", "demo-2.0-py3-none-any.whl requires=>=3.12"))));

    [Fact]
    public void A_silent_source_makes_a_missing_pin_unknown() =>
        Assert.Equal(nameof(PickOutcome.Unknown), Describe(Pick("==1.3", Found("demo-1.2.tar.gz"), Unavailable(Simple("https://extra.example/simple/")))));

    [Fact]
    public void A_silent_source_leaves_a_range_unknown_but_keeps_what_the_others_give()
    {
        var pick = Pick(">=1", Found("demo-1.2.tar.gz"), Unavailable(Simple("https://extra.example/simple/")));
        Assert.Equal(PickOutcome.Unknown, pick.Outcome);
        Assert.Equal("1.2", pick.Picked?.Version.ToString());
    }

    [Fact]
    public void A_silent_source_does_not_unsettle_a_pin_that_was_found() =>
        Assert.Equal("1.2 demo-1.2.tar.gz", Describe(Pick("==1.2", Found("demo-1.2.tar.gz"), Unavailable(Simple("https://extra.example/simple/")))));

    [Fact]
    public void A_version_declared_without_files_is_listed_for_completion()
    {
        var source = Simple();
        var answer = new IndexAnswer(new IndexQuery(source, "demo"), IndexAnswerKind.Found, new ProjectPage(source, "demo", [], ["1.0", "not a version"]), null, DateTimeOffset.UnixEpoch, false, false);
        var pick = Pick("==1.0", answer);
        Assert.Equal(PickOutcome.NoFileForImage, pick.Outcome);
        Assert.Equal(["1.0"], pick.Versions.Select(v => v.Version.ToString()));
    }
}
