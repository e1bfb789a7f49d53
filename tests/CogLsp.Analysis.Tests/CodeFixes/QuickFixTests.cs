using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Tests.CogYaml;
using static CogLsp.Analysis.Tests.CodeFixes.CodeFixFixture;

namespace CogLsp.Analysis.Tests.CodeFixes;

public class QuickFixTests
{
    [Fact]
    public void Typo_in_a_key_is_renamed_to_the_suggestion()
    {
        var outcome = CheckAction(
            "build:\n  $0pyhton_version: \"3.11\"  # keep\n",
            "Rename 'pyhton_version' to 'python_version'",
            "build:\n  python_version: \"3.11\"  # keep\n");
        Assert.Equal("COG0101", Assert.Single(outcome.Action.Diagnostics).Id);
        Assert.Equal("COG0101", outcome.Action.FixAllKey);
    }

    [Fact]
    public void Typo_in_a_quoted_key_keeps_the_quotes()
    {
        CheckAction("build:\n  \"$0gpuu\": true\n", "Rename 'gpuu' to 'gpu'", "build:\n  \"gpu\": true\n");
    }

    [Fact]
    public void Typo_fix_is_not_offered_when_the_key_already_exists()
    {
        CheckNoAction("build:\n  gpu: true\n  $0gpuu: false\n", "Rename");
    }

    [Fact]
    public void Fix_all_renames_every_typo_in_the_file()
    {
        const string Text = "build:\n  pyhton_version: \"3.11\"\n  $0sytem_packages:\n    - ffmpeg\n  gpuu: true\n";
        var actions = ActionsAt(Text);
        var fixAll = Assert.Single(actions, a => a.Title.StartsWith("Fix all in file: COG0101", StringComparison.Ordinal));
        var (text, _, _) = Markup.Parse(Text);
        var outcome = Apply(CreateWorkspace(text, []), fixAll, fixAll.ComputeEdit(CancellationToken.None));
        Assert.Equal("build:\n  python_version: \"3.11\"\n  system_packages:\n    - ffmpeg\n  gpu: true\n", outcome.Files[CogYamlFixture.CogYamlPath].Text);
        Assert.Equal(3, fixAll.Diagnostics.Length);
    }

    [Fact]
    public void Fix_all_in_file_applies_every_kind_at_once()
    {
        const string Text = "build:\n  python_version: 3.10\n  cudnn: 8.10\n  pyhton_packages: []\npredict: predict.py:Predictor\n";
        var workspace = CreateWorkspace(Text, [("/p/predict.py", "class Predictor: pass\n")]);
        var document = workspace.GetDocument(CogYamlFixture.CogYamlPath)!;
        var services = LanguageServices.CreateDefault();
        var service = new CodeActionService(services, new DiagnosticService(services));
        var action = Assert.Single(service.FixAllInFile(workspace, document, CancellationToken.None));
        Assert.Equal(CodeActionItem.FixAll, action.Kind);
        var outcome = Apply(workspace, action, action.ComputeEdit(CancellationToken.None));
        Assert.Equal("build:\n  python_version: \"3.10\"\n  cudnn: \"8.10\"\n  python_packages: []\nrun: predict.py:Predictor\n", outcome.Files[CogYamlFixture.CogYamlPath].Text);
    }

    [Fact]
    public void Float_trap_version_is_quoted()
    {
        var outcome = CheckAction(
            "build:\n  python_version: $03.10 # the newest we test\n",
            "Quote the version: \"3.10\"",
            "build:\n  python_version: \"3.10\" # the newest we test\n");
        Assert.Equal("COG0410", outcome.Action.FixAllKey);
    }

    [Fact]
    public void Git_is_added_as_a_new_block_list_before_python_packages()
    {
        CheckAction(
            "build:\n  gpu: false\n  python_packages:\n    - $0git+https://github.com/org/pkg\n",
            "Add git to build.system_packages",
            "build:\n  gpu: false\n  system_packages:\n    - git\n  python_packages:\n    - git+https://github.com/org/pkg\n");
    }

    [Fact]
    public void Git_is_appended_to_a_block_list_in_its_style()
    {
        CheckAction(
            "build:\r\n    system_packages:\r\n      -   \"ffmpeg\"  # video\r\n    python_packages:\r\n      - $0git+https://github.com/org/pkg\r\n",
            "Add git to build.system_packages",
            "build:\r\n    system_packages:\r\n      -   \"ffmpeg\"  # video\r\n      -   \"git\"\r\n    python_packages:\r\n      - git+https://github.com/org/pkg\r\n");
    }

    [Theory]
    [InlineData("[ffmpeg]", "[ffmpeg, git]")]
    [InlineData("[ 'ffmpeg' ]", "[ 'ffmpeg', 'git' ]")]
    [InlineData("[]", "[git]")]
    public void Git_is_added_to_a_flow_list(string before, string after)
    {
        CheckAction(
            $"build:\n  system_packages: {before}\n  python_packages:\n    - $0git+https://github.com/org/pkg\n",
            "Add git to build.system_packages",
            $"build:\n  system_packages: {after}\n  python_packages:\n    - git+https://github.com/org/pkg\n");
    }

    [Fact]
    public void Git_is_added_under_an_empty_system_packages_key()
    {
        CheckAction(
            "build:\n  system_packages:  # none yet\n  python_packages:\n    - $0git+https://github.com/org/pkg\n",
            "Add git to build.system_packages",
            "build:\n  system_packages:  # none yet\n    - git\n  python_packages:\n    - git+https://github.com/org/pkg\n");
    }

    [Fact]
    public void Git_fix_all_adds_git_once()
    {
        const string Text = "build:\n  python_packages:\n    - $0git+https://github.com/org/a\n    - git+https://github.com/org/b\n";
        var fixAll = Assert.Single(ActionsAt(Text), a => a.Title.StartsWith("Fix all in file: COG0420", StringComparison.Ordinal));
        var (text, _, _) = Markup.Parse(Text);
        var outcome = Apply(CreateWorkspace(text, []), fixAll, fixAll.ComputeEdit(CancellationToken.None));
        Assert.Equal("build:\n  system_packages:\n    - git\n  python_packages:\n    - git+https://github.com/org/a\n    - git+https://github.com/org/b\n", outcome.Files[CogYamlFixture.CogYamlPath].Text);
    }

    [Fact]
    public void Pre_install_without_run_is_renamed_to_run()
    {
        CheckAction(
            "build:\n  $0pre_install:\n    - pip install -U pip\n",
            "Rename pre_install to run",
            "build:\n  run:\n    - pip install -U pip\n");
    }

    [Fact]
    public void Pre_install_commands_move_to_the_end_of_run_where_cog_runs_them()
    {
        // Cog's Dockerfile generator runs build.run first, then pre_install: appending keeps the order.
        CheckAction(
            "build:\n  $0pre_install:\n    - pip install -U pip   # old pip\n    # second\n    - \"echo 'a: b'\"\n  run:\n    - command: apt-get update\n      mounts: []\n    -  echo done\n  gpu: true\n",
            "Move pre_install commands to the end of build.run",
            "build:\n  run:\n    - command: apt-get update\n      mounts: []\n    -  echo done\n    -  pip install -U pip  # old pip\n    # second\n    -  \"echo 'a: b'\"\n  gpu: true\n");
    }

    [Fact]
    public void Pre_install_commands_move_into_a_flow_run_list_quoted_where_needed()
    {
        CheckAction(
            "build:\n  run: [echo one]\n  $0pre_install:\n    - echo a, b\n    - echo two\n",
            "Move pre_install commands to the end of build.run",
            "build:\n  run: [echo one, \"echo a, b\", echo two]\n");
    }

    [Fact]
    public void Pre_install_with_comments_is_not_moved_into_a_flow_list()
    {
        CheckNoAction("build:\n  run: [echo one]\n  $0pre_install:\n    - echo two  # why\n", "Move pre_install");
    }

    [Fact]
    public void Predict_is_renamed_to_run()
    {
        CheckAction("build:\n  gpu: true\n$0predict: \"predict.py:Predictor\"\n", "Rename predict to run", "build:\n  gpu: true\nrun: \"predict.py:Predictor\"\n");
    }

    [Fact]
    public void Predict_is_not_renamed_when_run_is_set()
    {
        CheckNoAction("run: run.py:Runner\n$0predict: predict.py:Predictor\n", "Rename predict");
    }
}
