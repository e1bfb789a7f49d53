using System.Collections.Immutable;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// COG0510: the cog installed on this machine (`cog --version`, read once by the server or `check`) is
/// another release than the one the rules follow. One information diagnostic per cog.yaml, on its first
/// key (the start of the file when it has none), naming both versions and the rules known to have
/// arrived after the installed release. The rules themselves stay those of <see cref="CogReleases.RulesVersion"/>.
/// </summary>
public sealed class InstalledCogAnalyzer : IDiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor InstalledCogDiffers = new(
        "COG0510", "installed-cog-differs", "The installed cog is another release than the rules follow",
        "{0}", DiagnosticSeverity.Information,
        "The product predicts what Cog " + CogReleases.RulesVersion + " (commit " + CogReleases.RulesCommit + ") does. When `cog --version` on this machine names another release, `cog build` here may decide differently: for example Cog refuses Python below 3.10 only from " + CogReleases.PythonFloor + ". Shown once per cog.yaml; the rules are not changed per version.",
        "$ cog --version\ncog version 0.16.2", "$ cog --version\ncog version " + CogReleases.RulesVersion, "Upgrade cog (or keep in mind which rules your release does not have yet).");

    public DocumentKind Kind => DocumentKind.CogYaml;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [InstalledCogDiffers];

    public void Analyze(AnalysisContext context)
    {
        if (context.Workspace.Options.InstalledCogVersion is not { } installed || !CogReleases.DiffersFromRules(installed))
        {
            return;
        }

        var root = CogYamlTree.Resolve(CogYamlTree.Model(context.Document).Root) as YamlMapping;
        var first = root?.Entries.FirstOrDefault()?.Key.Span;
        var span = first is { } key && key.End <= context.Document.Text.Length ? key : new TextSpan(0, 0);
        context.Report(InstalledCogDiffers, span, Message(installed));
    }

    public static string Message(string installed)
    {
        var text = $"The cog installed here is {installed}; these checks follow Cog {CogReleases.RulesDescription}, so `cog build` on this machine may decide differently.";
        var later = new List<string>();
        if (IsBefore(installed, CogReleases.PythonFloor))
        {
            later.Add($"the Python 3.10 floor ({CogReleases.PythonFloor})");
        }

        if (IsBefore(installed, CogReleases.TorchPinWithGpu))
        {
            later.Add($"the error for a GPU build without a torch pin ({CogReleases.TorchPinWithGpu})");
        }

        if (IsBefore(installed, CogReleases.PythonPackagesDeprecated))
        {
            later.Add($"the python_packages deprecation ({CogReleases.PythonPackagesDeprecated})");
        }

        return later.Count == 0 ? text : text + " Rules your cog predates: " + string.Join(", ", later) + ".";
    }

    private static bool IsBefore(string installed, string release) =>
        CogVersion.TryParse(CogVersion.StripModifier(installed).Split('-')[0]) is { } mine && CogVersion.TryParse(release) is { } rule && rule.IsGreaterThan(mine);
}
