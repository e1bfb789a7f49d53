using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using R = CogLsp.Analysis.Requirements.RequirementsDescriptors;

namespace CogLsp.Analysis.CogYaml.BuildRun;

/// <summary>
/// The rules for pip commands in build.run. COG0801–COG0841 are the twins of pip's per-line rules for
/// the requirement arguments of a `pip install` (pip reads each argument as a requirement line), numbered
/// as the COG07xx twins for python_packages are (COG08 + the REQ rule's family digit and last digit).
/// They have IDs of their own, not the COG07xx ones, because the same text means something else in each
/// place (a python_packages item is a line Cog writes into its requirements file, a run argument is a shell
/// word pip reads after the requirements are installed), and a user may want one set on and the other off.
/// COG0850–COG0860 are what only build.run has: the shell between the YAML and pip, and the order.
/// </summary>
public static class BuildRunDiagnostics
{
    private const DiagnosticSeverity E = DiagnosticSeverity.Error;
    private const DiagnosticSeverity W = DiagnosticSeverity.Warning;

    private const string Note = " For a `pip install` in build.run: pip reads each requirement argument (after the shell has removed its quotes) as a requirement line, so this rule applies to it.";

    private static readonly (DiagnosticDescriptor Rule, string Id)[] Pairs =
    [
        (R.SyntaxError, "COG0801"),
        (R.LegacyVersion, "COG0802"),
        (R.NotPinned, "COG0821"),
        (R.UnknownMarkerVariable, "COG0840"),
        (R.BadMarkerOperator, "COG0841"),
    ];

    private static readonly RuleTwins RequirementTwins = new(Pairs, Note, (_, example, _) => AsRun(example));

    public static readonly ImmutableArray<DiagnosticDescriptor> Twins = RequirementTwins.Rules;

    public static readonly DiagnosticDescriptor Reinstalls = new(
        "COG0850", "run-reinstalls-pinned-package", "build.run replaces a version the requirements pin",
        "{0}", W,
        "Cog runs build.run after it has installed the requirements (the requirements file, or python_packages), so a `pip install` there that asks for another version of a pinned package replaces it: the image has the run command's version, not the pinned one. For torch and tensorflow it is worse: Cog chose the CUDA version and base image from the pinned version, so the build installed afterwards may not match the image's CUDA.",
        "# requirements.txt: torch==2.1.0\nbuild:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n  run:\n    - pip install torch==2.4.1 --index-url https://download.pytorch.org/whl/cu121",
        "# requirements.txt: torch==2.4.1\nbuild:\n  gpu: true\n  python_version: \"3.11\"\n  python_requirements: requirements.txt",
        "Pin the version you want in the requirements and drop it from the run command.");

    public static readonly DiagnosticDescriptor RequirementRedirected = new(
        "COG0851", "run-requirement-redirected", "The shell reads `>` in a requirement as a redirection",
        "{0}", W,
        "In a shell command `>` redirects output: `pip install numpy>=1.26` installs `numpy` with no version constraint and writes pip's output to a file named `=1.26`. The build succeeds with a version the command did not ask for.",
        "build:\n  run:\n    - pip install numpy>=1.26", "build:\n  run:\n    - pip install 'numpy>=1.26'",
        "Quote the requirement.");

    public static readonly DiagnosticDescriptor RequirementReadsFile = new(
        "COG0852", "run-requirement-reads-file", "The shell reads `<` in a requirement as an input file",
        "{0}", E,
        "In a shell command `<` reads input from a file: `pip install numpy<2` makes the shell open a file named `2`, which does not exist, so the command fails (`cannot open 2: No such file`) and `cog build` stops.",
        "build:\n  run:\n    - pip install numpy<2", "build:\n  run:\n    - pip install 'numpy<2'",
        "Quote the requirement.");

    public static readonly DiagnosticDescriptor ShellSyntax = new(
        "COG0853", "run-shell-syntax-error", "The shell cannot parse this build.run command",
        "{0}", E,
        "Cog writes each build.run command after `RUN` in the Dockerfile, and /bin/sh runs it. A quote or command substitution that is never closed is a syntax error, so that step fails and `cog build` stops.",
        "build:\n  run:\n    - pip install \"numpy==1.26.4", "build:\n  run:\n    - pip install \"numpy==1.26.4\"",
        "Close the quote.");

    /// <summary>Cog's own message (StandardGenerator.runCommands), quoted so users can search for it.</summary>
    public static readonly DiagnosticDescriptor LineBreak = new(
        "COG0854", "run-command-line-break", "A build.run command spans several lines",
        "One of the commands in 'run' contains a new line, which won't work. You need to create a new list item in YAML prefixed with '-' for each command.", E,
        "Cog writes each build.run command after `RUN` on one Dockerfile line, so it refuses a command that still holds a line break after leading and trailing blanks are trimmed (a `|` block with several lines, a `\\n` escape), and `cog build` stops. A `>` block folds its lines into one and is fine.",
        "build:\n  run:\n    - |\n      apt-get update\n      pip install numpy==1.26.4",
        "build:\n  run:\n    - apt-get update\n    - pip install numpy==1.26.4",
        "Write one list item per command, or join the commands with `&&` on one line.");

    public static readonly DiagnosticDescriptor ReplacesPip = new(
        "COG0860", "run-replaces-pip", "build.run replaces or removes pip",
        "{0}", W,
        "A build.run command that links something else over pip (`ln -sf $(which echo) $(which pip)`), removes it, moves or writes over it, or uninstalls it, changes every pip command after it: later build.run commands and pip in the running model then do nothing or fail. Cog runs build.run after it has installed the requirements and its own SDK, so such a command does not stop those installs.",
        "build:\n  run:\n    - ln -sf $(which echo) $(which pip)\n    - pip install numpy==1.26.4",
        "build:\n  python_requirements: requirements.txt",
        "Leave pip in place; install what the model needs through the requirements file.");

    public static readonly ImmutableArray<DiagnosticDescriptor> Rules = [.. Twins, Reinstalls, RequirementRedirected, RequirementReadsFile, ShellSyntax, LineBreak, ReplacesPip];

    /// <summary>The ID of the twin of REQ0201, for the pin fix.</summary>
    public static string NotPinnedId => "COG0821";

    /// <summary>The twin of a requirements-file rule, or null when the rule has none for build.run.</summary>
    public static DiagnosticDescriptor? ForRequirementRule(string requirementId) => RequirementTwins.Of(requirementId);

    /// <summary>A one-line requirements example as a build.run command (double-quoted for the shell, a plain YAML scalar).</summary>
    private static string AsRun(string requirement) => "build:\n  run:\n    - pip install \"" + requirement + "\"";
}
