using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using I = CogLsp.Analysis.Indexes.IndexDescriptors;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// The package-index rules on build.python_packages items: Cog writes each item as a line of the requirements
/// file it installs with pip, so what the indexes say about that line holds for the item. Each is the COG07xx
/// twin of one REQ06xx rule, numbered as the other python_packages twins are (COG07 + the REQ rule's family
/// digit and last digit, <see cref="CogYaml.PythonPackageDiagnostics"/>): REQ0601 → COG0761 … REQ0608 → COG0768,
/// REQ0610 → COG0760. Same name, title, text and severity; an ID of its own so it can be configured in cog.yaml.
/// </summary>
public static class PythonPackageIndexDiagnostics
{
    private const string Note = " For a build.python_packages item: Cog writes each item as a line of the requirements file it installs with pip in the image (a `name==version` item as just that pin, with its `--find-links=`/`--extra-index-url=` values moved to lines of their own, which pip then reads for every item), so pip looks the item up on those indexes.";

    private static readonly (DiagnosticDescriptor Rule, string Id)[] Pairs =
    [
        (I.PinNotListed, "COG0761"),
        (I.ProjectNotFound, "COG0762"),
        (I.NothingMatches, "COG0763"),
        (I.NoFileForImage, "COG0764"),
        (I.YankedPin, "COG0765"),
        (I.SourceOnly, "COG0766"),
        (I.CogRewriteMissing, "COG0767"),
        (I.NotFromCogIndex, "COG0768"),
        (I.IndexUnavailable, "COG0760"),
    ];

    private static readonly RuleTwins Twins = new(Pairs, Note, Examples(line => "build:\n  python_packages:\n    - '" + line.Replace("'", "''", StringComparison.Ordinal) + "'"));

    public static ImmutableArray<DiagnosticDescriptor> Rules => Twins.Rules;


    /// <summary>The twin of a REQ06xx rule (every one has a twin).</summary>
    public static DiagnosticDescriptor Twin(DiagnosticDescriptor requirementRule) => Twins.Of(requirementRule.Id)!;

    /// <summary>The IDs of the twins of REQ0601 and REQ0605, whose fixes pin a nearby version.</summary>
    public static ImmutableArray<string> VersionChoiceIds => [Twin(I.PinNotListed).Id, Twin(I.YankedPin).Id];

    /// <summary>
    /// The examples of REQ06xx twins, written as <paramref name="asYaml"/> makes a requirement line into cog.yaml
    /// (a trailing `# …` remark becomes a YAML comment; a remark in parentheses is not a requirement and stays as it is).
    /// </summary>
    internal static Func<string, string, bool, string> Examples(Func<string, string> asYaml) => (_, requirement, _) =>
    {
        if (requirement.StartsWith('('))
        {
            return requirement;
        }

        var hash = requirement.IndexOf(" #", StringComparison.Ordinal);
        return hash < 0 ? asYaml(requirement) : asYaml(requirement[..hash].TrimEnd()) + "  " + requirement[(hash + 1)..];
    };
}
