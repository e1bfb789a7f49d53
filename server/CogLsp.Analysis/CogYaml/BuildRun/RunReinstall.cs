using CogLsp.Analysis.Cog;
using CogLsp.Syntax.Pep440;
using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Shell;

namespace CogLsp.Analysis.CogYaml.BuildRun;

/// <summary>
/// A requirement argument of a build.run `pip install` that replaces a package the requirements pin
/// (Cog's `name==version` lines, from the requirements file or python_packages): what pip does with it
/// when it runs after those are installed. pip replaces the installed version when the argument does not
/// allow it, or allows others and `--upgrade` asks for the newest, or `--force-reinstall` is given.
/// </summary>
public sealed record RunReinstall(ShellWord Argument, string Name, string Wanted, CogLineResolution Pinned, string PinnedVersion, string Why)
{
    /// <summary>What the argument does to the pinned package, or null when pip keeps the pinned version (or cannot be judged).</summary>
    public static RunReinstall? Find(PipInvocation pip, ShellWord argument, CogResolution resolution)
    {
        if (!pip.IsInstall || pip.InstallsElsewhere || argument.HasExpansion
            || RequirementsLine.Parse(argument.Value).Requirement is not { Name: not null, Location: null } requirement
            || requirement.NormalizedName is not { } name)
        {
            return null;
        }

        foreach (var line in resolution.Lines)
        {
            if (line.Package is null || line.RequestedVersion is null || line.Output is null || PackageName.Normalize(line.Package) != name)
            {
                continue;
            }

            var pinned = line.InstalledVersion ?? line.RequestedVersion;
            if (!Pep440Version.TryParse(pinned, out var installed))
            {
                return null;
            }

            var wanted = requirement.SpecifierSet;
            var allowed = requirement.Specifiers.IsEmpty || wanted.Contains(installed, prereleases: true);
            var exact = requirement.IsExactlyPinned;
            string? why = !allowed ? $"`{argument.Value}` does not allow {pinned}, so pip replaces it"
                : pip.ForceReinstall ? "`--force-reinstall` makes pip install it again"
                : pip.Upgrade && !exact ? $"`--upgrade` makes pip replace it with the newest version `{argument.Value}` allows"
                : null;
            return why is null ? null : new RunReinstall(argument, requirement.Name.Text, argument.Value, line, pinned, why);
        }

        return null;
    }
}
