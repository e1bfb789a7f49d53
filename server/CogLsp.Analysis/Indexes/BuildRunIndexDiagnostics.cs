using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using I = CogLsp.Analysis.Indexes.IndexDescriptors;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The package-index rules on the requirement arguments of a `pip install` in build.run: pip reads each argument
/// as a requirement line and looks it up on the command's indexes. Each is the COG08xx twin of one REQ06xx rule,
/// numbered as the other build.run twins are (COG08 + the REQ rule's family digit and last digit,
/// <see cref="CogYaml.BuildRun.BuildRunDiagnostics"/>): REQ0601 → COG0861 … REQ0606 → COG0866. REQ0610's twin
/// would be COG0860, which build.run already uses (run-replaces-pip), so it is COG0869. REQ0607 and REQ0608 have
/// no twin: they are about Cog's torch/tensorflow rewrites, and Cog does not rewrite a run command.
/// </summary>
public static class BuildRunIndexDiagnostics
{
    private const string Note = " For a `pip install` in build.run: pip reads each requirement argument (after the shell has removed its quotes) as a requirement line and looks it up on the indexes the command names (`-i/--index-url`, `--extra-index-url`, `-f/--find-links`, `--no-index`), else on the default index, for the image the requirements were installed in.";

    private static readonly (DiagnosticDescriptor Rule, string Id)[] Pairs =
    [
        (I.PinNotListed, "COG0861"),
        (I.ProjectNotFound, "COG0862"),
        (I.NothingMatches, "COG0863"),
        (I.NoFileForImage, "COG0864"),
        (I.YankedPin, "COG0865"),
        (I.SourceOnly, "COG0866"),
        (I.IndexUnavailable, "COG0869"),
    ];

    private static readonly RuleTwins Twins = new(Pairs, Note, PythonPackageIndexDiagnostics.Examples(line => "build:\n  run:\n    - pip install '" + line.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));

    public static ImmutableArray<DiagnosticDescriptor> Rules => Twins.Rules;


    /// <summary>The twin of a REQ06xx rule; the rules on Cog's rewrites have none, and a run argument never gets them (it is not rewritten).</summary>
    public static DiagnosticDescriptor Twin(DiagnosticDescriptor requirementRule) => Twins.Of(requirementRule.Id)!;

    /// <summary>The IDs of the twins of REQ0601 and REQ0605, whose fixes pin a nearby version.</summary>
    public static ImmutableArray<string> VersionChoiceIds => [Twin(I.PinNotListed).Id, Twin(I.YankedPin).Id];
}
