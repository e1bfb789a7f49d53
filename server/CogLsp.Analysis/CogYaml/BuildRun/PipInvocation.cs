using System.Collections.Immutable;
using CogLsp.Syntax.Shell;

namespace CogLsp.Analysis.CogYaml.BuildRun;

/// <summary>
/// A pip command found in a build.run item: how pip was called (`pip3`, `python -m pip`, `uv pip`), its
/// subcommand, the requirement arguments (words pip reads as requirement lines), and the install options
/// that change what those arguments install.
/// </summary>
public sealed record PipInvocation
{
    /// <summary>The simple command the invocation is.</summary>
    public required ShellCommand Command { get; init; }

    /// <summary>How pip is called, as written (e.g. `pip3`, `python3 -m pip`, `uv pip`).</summary>
    public required string Launcher { get; init; }

    /// <summary>True for `uv pip …`, which reads requirement arguments as pip does but has options of its own.</summary>
    public bool IsUv { get; init; }

    /// <summary>The pip subcommand (`install`, `uninstall`, …), or empty when there is none.</summary>
    public required string Subcommand { get; init; }

    /// <summary>The positional arguments after the subcommand: requirement arguments for install, names for uninstall.</summary>
    public ImmutableArray<ShellWord> Arguments { get; init; } = [];

    /// <summary>The files of `-r`/`--requirement` (not followed: they are paths inside the image being built).</summary>
    public ImmutableArray<ShellWord> RequirementFiles { get; init; } = [];

    /// <summary>`-i`/`--index-url` (or uv's `--default-index`), last one wins as in pip.</summary>
    public ShellWord? IndexUrl { get; init; }

    public ImmutableArray<ShellWord> ExtraIndexUrls { get; init; } = [];

    public ImmutableArray<ShellWord> FindLinks { get; init; } = [];

    /// <summary>`-U`/`--upgrade`: pip replaces an installed version the argument allows with the newest it allows.</summary>
    public bool Upgrade { get; init; }

    /// <summary>`--force-reinstall`: pip reinstalls even an installed version the argument allows.</summary>
    public bool ForceReinstall { get; init; }

    /// <summary>`--no-deps`: dependencies are not installed (nor upgraded or downgraded).</summary>
    public bool NoDeps { get; init; }

    /// <summary>`--pre`: pre-releases count.</summary>
    public bool Pre { get; init; }

    /// <summary>`--no-index`: pip reads no index, only the find-links pages.</summary>
    public bool NoIndex { get; init; }

    /// <summary>`--target`/`-t`, `--prefix` or `--root`: pip installs elsewhere than the image's Python, so nothing installed is replaced.</summary>
    public bool InstallsElsewhere { get; init; }

    public bool IsInstall => Subcommand == "install";

    public bool IsUninstall => Subcommand == "uninstall";
}
