using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using R = CogLsp.Analysis.Requirements.RequirementsDescriptors;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// The requirements-file rules pip applies to each line, as they apply to build.python_packages items
/// (Cog writes each item as a line of the requirements file it generates, so pip judges it there). Each is
/// a COG07xx twin of one REQ rule, as COG06xx are the twins of Cog's REQ05xx findings: same name, text and
/// severity, its own ID so it can be configured and suppressed in cog.yaml. IDs: COG07 followed by the
/// REQ rule's family digit and last digit (REQ0001 → COG0701, REQ0101 → COG0711, REQ0201 → COG0721),
/// and COG0740/COG0741 for the marker rules REQ0410/REQ0411.
/// </summary>
public static class PythonPackageDiagnostics
{
    private const string Note = " For a build.python_packages item: Cog writes each item as a line of the requirements file it generates (a `name==version` item as just that pin, with `--find-links=`/`--extra-index-url=` values moved to lines of their own), and pip reads that line by this rule.";

    private static readonly (DiagnosticDescriptor Rule, string Id)[] Pairs =
    [
        (R.SyntaxError, "COG0701"),
        (R.LegacyVersion, "COG0702"),
        (R.UnknownOption, "COG0711"),
        (R.AmbiguousOption, "COG0712"),
        (R.IgnoredOption, "COG0713"),
        (R.IgnoredArgument, "COG0714"),
        (R.NotPinned, "COG0721"),
        (R.UnknownMarkerVariable, "COG0740"),
        (R.BadMarkerOperator, "COG0741"),
    ];

    /// <summary>
    /// Examples that differ from the REQ rule's: a pin with an index option is no example of an ignored
    /// option in python_packages, because Cog rebuilds such an item (and moves `--extra-index-url=URL` out).
    /// </summary>
    private static readonly ImmutableDictionary<string, (string Bad, string Good)> Examples = ImmutableDictionary<string, (string Bad, string Good)>.Empty
        .Add("COG0713", ("torch>=2.1 --extra-index-url https://download.pytorch.org/whl/cu118", "torch==2.1.0 --extra-index-url=https://download.pytorch.org/whl/cu118"));

    private static readonly RuleTwins Twins = new(Pairs, Note, (id, example, bad) =>
        AsItems(Examples.TryGetValue(id, out var own) ? bad ? own.Bad : own.Good : example));

    public static ImmutableArray<DiagnosticDescriptor> Rules => Twins.Rules;

    /// <summary>A requirements-file example as python_packages items (single-quoted, so any text stays one item).</summary>
    private static string AsItems(string requirements) =>
        "build:\n  python_packages:\n" + string.Join("\n", requirements.Split('\n').Select(line => "    - '" + line.Replace("'", "''", StringComparison.Ordinal) + "'"));

    /// <summary>The ID of the twin of REQ0201, for the pin fix.</summary>
    public static string NotPinnedId => "COG0721";

    /// <summary>The twin of a requirements-file rule, or null when the rule has none.</summary>
    public static DiagnosticDescriptor? ForRequirementRule(string requirementId) => Twins.Of(requirementId);
}
