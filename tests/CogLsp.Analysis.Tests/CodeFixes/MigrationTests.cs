using CogLsp.Analysis.CodeFixes;
using static CogLsp.Analysis.Tests.CodeFixes.CodeFixFixture;

namespace CogLsp.Analysis.Tests.CodeFixes;

public class MigrationTests
{
    private const string Title = "Migrate python_packages to requirements.txt";

    [Fact]
    public void Creates_requirements_txt_with_the_packages_in_order_and_their_comments()
    {
        var outcome = CheckAction(
            """
            build:
              python_version: "3.11"
              $0python_packages:   # pinned for the demo
                - numpy==1.26.4  # arrays
                # image loading
                - "pillow>=10"
                - 'torch==2.3.1'
              gpu: true
            predict: predict.py:Predictor

            """,
            Title,
            """
            build:
              python_version: "3.11"
              python_requirements: requirements.txt
              gpu: true
            predict: predict.py:Predictor

            """,
            [("/p/requirements.txt", "# pinned for the demo\nnumpy==1.26.4  # arrays\n# image loading\npillow>=10\ntorch==2.3.1\n", true)]);

        // The new file is a creation (the server decides how to send it), the cog.yaml edit carries the editor's version.
        Assert.IsType<CreateFileChange>(outcome.Edit.Changes[0]);
        var edit = Assert.IsType<EditFileChange>(outcome.Edit.Changes[1]);
        Assert.Equal(1, edit.Version);
        Assert.True(outcome.Action.IsPreferred);
    }

    [Fact]
    public void Merges_into_an_existing_file_keeping_every_byte_and_names_the_conflict_in_the_title()
    {
        CheckAction(
            """
            build:
              $0python_packages:
                - numpy==1.26.4
                - pillow>=10
                - torch==2.3.1
                - requests

            """,
            Title + " (keeps requirements.txt's numpy==1.25.0, not numpy==1.26.4)",
            """
            build:
              python_requirements: requirements.txt

            """,
            [("/p/requirements.txt", "numpy==1.25.0\n# imaging\nPillow >= 10  # any 10.x\nscipy\ntorch==2.3.1\nrequests\n", false)],
            disk: [("/p/requirements.txt", "numpy==1.25.0\n# imaging\nPillow >= 10  # any 10.x\nscipy")]);
    }

    [Fact]
    public void Names_compare_by_pep_503_normalisation()
    {
        CheckAction(
            """
            build:
              $0python_packages:
                - typing_extensions==4.12.2
                - Zope.Interface
                - rich

            """,
            Title + " (keeps requirements.txt's typing-extensions==4.11.0, not typing_extensions==4.12.2)",
            """
            build:
              python_requirements: requirements.txt

            """,
            [("/p/requirements.txt", "typing-extensions==4.11.0\r\nzope-interface\r\nrich\r\n", false)],
            disk: [("/p/requirements.txt", "typing-extensions==4.11.0\r\nzope-interface\r\n")]);
    }

    [Fact]
    public void Nothing_to_append_leaves_the_requirements_file_alone()
    {
        var outcome = CheckAction(
            "build:\n  $0python_packages:\n    - numpy==1.26.4\n",
            Title,
            "build:\n  python_requirements: requirements.txt\n",
            disk: [("/p/requirements.txt", "NumPy == 1.26.4  # same pin\n")]);
        Assert.Single(outcome.Edit.Changes);
    }

    [Fact]
    public void An_open_requirements_file_is_merged_from_the_editor_text_with_its_version()
    {
        var outcome = CheckAction(
            "build:\n  $0python_packages:\n    - numpy==1.26.4\n",
            Title,
            "build:\n  python_requirements: requirements.txt\n",
            [("/p/requirements.txt", "scipy\nnumpy==1.26.4\n", false)],
            open: [("/p/requirements.txt", "scipy\n", 7)]);
        var edit = outcome.Edit.Changes.OfType<EditFileChange>().Single(c => c.Path == "/p/requirements.txt");
        Assert.Equal(7, edit.Version);
    }

    [Fact]
    public void A_crlf_cog_yaml_keeps_crlf_and_the_new_file_uses_it()
    {
        CheckAction(
            "# model\r\nbuild:\r\n  gpu: true\r\n  $0python_packages:\r\n    - numpy==1.26.4\r\n    - scipy\r\n  system_packages:\r\n    - ffmpeg\r\n",
            Title,
            "# model\r\nbuild:\r\n  gpu: true\r\n  python_requirements: requirements.txt\r\n  system_packages:\r\n    - ffmpeg\r\n",
            [("/p/requirements.txt", "numpy==1.26.4\r\nscipy\r\n", true)]);
    }

    [Fact]
    public void Keeps_indentation_flow_lists_and_a_last_line_without_break()
    {
        CheckAction(
            "build:\n    gpu: true  # fast\n    $0python_packages: [numpy, \"scipy>=1\"]",
            Title,
            "build:\n    gpu: true  # fast\n    python_requirements: requirements.txt",
            [("/p/requirements.txt", "numpy\nscipy>=1\n", true)]);
    }

    [Fact]
    public void Comments_after_the_block_stay_in_cog_yaml()
    {
        CheckAction(
            "build:\n  $0python_packages:\n    - numpy\n  # GPU next\n  gpu: true\n",
            Title,
            "build:\n  python_requirements: requirements.txt\n  # GPU next\n  gpu: true\n",
            [("/p/requirements.txt", "numpy\n", true)]);
    }

    [Fact]
    public void With_python_requirements_set_the_packages_go_to_that_file()
    {
        // COG0230: both are set; the migration merges into the named file and drops python_packages.
        CheckAction(
            "build:\n  python_requirements: deps/base.txt\n  $0python_packages:\n    - numpy==1.26.4\n  gpu: true\n",
            "Migrate python_packages to deps/base.txt",
            "build:\n  python_requirements: deps/base.txt\n  gpu: true\n",
            [("/p/deps/base.txt", "scipy\nnumpy==1.26.4\n", false)],
            disk: [("/p/deps/base.txt", "scipy\n")]);
    }

    [Fact]
    public void With_python_requirements_naming_a_missing_file_that_file_is_created()
    {
        CheckAction(
            "build:\n  $0python_packages:\n    - numpy\n  python_requirements: deps/base.txt\n",
            "Migrate python_packages to deps/base.txt",
            "build:\n  python_requirements: deps/base.txt\n",
            [("/p/deps/base.txt", "numpy\n", true)]);
    }

    [Fact]
    public void The_quick_fix_is_offered_once_when_both_diagnostics_are_there()
    {
        var actions = ActionsAt("build:\n  python_requirements: r.txt\n  $0python_packages:\n    - numpy\n", [("/p/r.txt", "")]);
        Assert.Single(actions, a => a.Title.StartsWith("Migrate", StringComparison.Ordinal));
    }

    [Fact]
    public void Offered_as_a_refactoring_anywhere_in_build()
    {
        const string After = "build:\n  gpu: true\n  python_requirements: requirements.txt\nrun: run.py:Runner\n";
        CheckAction("build:\n  g$0pu: true\n  python_packages:\n    - numpy\nrun: run.py:Runner\n", Title, After, [("/p/requirements.txt", "numpy\n", true)], kind: CodeActionItem.Refactor);
        CheckAction("build:\n  gpu: true\n  python_packages:\n    - num$0py\nrun: run.py:Runner\n", Title, After, [("/p/requirements.txt", "numpy\n", true)], kind: CodeActionItem.Refactor);
        CheckNoAction("build:\n  gpu: true\n  python_packages:\n    - numpy\nrun: run.py$0:Runner\n", Title);
    }

    [Theory]
    [InlineData("    - git+https://github.com/org/pkg#egg=pkg\n")] // Cog cuts a requirements line at '#'
    [InlineData("    - -e .\n")] // Cog skips `-e .` in a requirements file
    [InlineData("    - |\n      numpy\n      scipy\n")] // a multi-line item
    [InlineData("    - {name: numpy}\n")] // not a string
    public void Not_offered_when_cog_would_read_the_file_differently(string items)
    {
        CheckNoAction("build:\n  $0python_packages:\n" + items, "Migrate");
    }

    [Fact]
    public void Not_offered_for_a_flow_build_mapping_or_a_broken_file()
    {
        CheckNoAction("build: {$0python_packages: [numpy]}\n", "Migrate");
        CheckNoAction("build:\n  $0python_packages:\n    - numpy\n  gpu: \"true\n", "Migrate");
    }

    [Fact]
    public void The_migrated_project_gives_cog_the_same_requirement_lines()
    {
        // What Cog reads: python_packages items as they are; a requirements file's lines trimmed, with
        // comments and blank lines dropped (requirements.go ReadRequirements at 6110c912).
        const string Before = "build:\n  $0python_packages:\n    # leading\n    - numpy==1.26.4  # trailing\n    - \"torch==2.3.1 ; sys_platform == 'linux'\"\n    - --extra-index-url https://download.pytorch.org/whl/cpu\n";
        var outcome = Run(Before, Title);
        var file = outcome.Files["/p/requirements.txt"].Text;
        var cogReads = file.Split('\n').Select(l => l.Trim()).Where(l => !l.StartsWith('#')).Select(l => l.Contains('#', StringComparison.Ordinal) ? l[..l.IndexOf('#', StringComparison.Ordinal)].Trim() : l).Where(l => l.Length > 0);
        Assert.Equal(["numpy==1.26.4", "torch==2.3.1 ; sys_platform == 'linux'", "--extra-index-url https://download.pytorch.org/whl/cpu"], cogReads);
    }
}
