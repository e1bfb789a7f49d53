using System.Collections.Immutable;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>validate.go validateEnvironment (env.go parseAndValidateEnvironment) and validateWeights.</summary>
public static partial class CogBuildStoppers
{
    /// <summary>
    /// Cog stops at the first environment item it rejects and prints only that one; every later problem
    /// stops the build too (once the first is fixed), so its stopper carries the same line.
    /// </summary>
    private static void AddEnvironmentErrors(Document document, YamlMapping root, ImmutableArray<CogBuildStopper>.Builder stoppers)
    {
        var items = CogYamlTree.GoStringList(CogYamlTree.Lookup(root, "environment")?.Value);
        if (items is null)
        {
            return;
        }

        // Cog's own loop: KEY=VALUE with a non-empty key, not reserved, not defined before.
        string? cogMessage = null;
        TextSpan firstSpan = default;
        var cogSeen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (value, node) in items)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            var key = equals > 0 ? value[..equals] : "";
            cogMessage = equals <= 0 ? $"environment variable {GoStrings.Quote(value)} is not in the KEY=VALUE format"
                : ReservedPattern(key) is not null ? $"environment variable {GoStrings.Quote(key)} is not allowed: reserved for internal use"
                : !cogSeen.Add(key) ? $"environment variable {GoStrings.Quote(key)} is already defined"
                : null;
            if (cogMessage is not null)
            {
                cogMessage = "invalid environment: " + cogMessage;
                firstSpan = node.Span;
                break;
            }
        }

        if (cogMessage is null)
        {
            return;
        }

        // Its diagnostic may be the schema's (a malformed item); this one only carries Cog's line.
        stoppers.Add(new CogBuildStopper(CogYamlDiagnostics.EnvironmentFormat, document.Path, firstSpan, [], cogMessage, CogBuildPhase.ValidateAfterBuild) { Shown = false });

        // The diagnostics: malformed items are the schema's; of the rest, reserved names and repeats.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (value, node) in items)
        {
            if (!EnvironmentItemPattern().IsMatch(value))
            {
                continue;
            }

            var name = value[..value.IndexOf('=', StringComparison.Ordinal)];
            if (ReservedPattern(name) is { } reserved)
            {
                stoppers.Add(new CogBuildStopper(CogYamlDiagnostics.EnvironmentReserved, document.Path, NameSpan(node, name),
                    [name, reserved == name ? "Cog sets it itself" : $"names matching {reserved} are Cog's"], cogMessage, CogBuildPhase.ValidateAfterBuild));
            }
            else if (!seen.Add(name))
            {
                stoppers.Add(new CogBuildStopper(CogYamlDiagnostics.EnvironmentDuplicate, document.Path, NameSpan(node, name), [name], cogMessage, CogBuildPhase.ValidateAfterBuild));
            }
        }
    }

    /// <summary>The first pattern of Cog's deny list the name matches (exactly, or by prefix for "X_*"), else null.</summary>
    private static string? ReservedPattern(string name) =>
        CogValidationAnalyzer.ReservedEnvironmentNames.FirstOrDefault(p => p == name || (p.EndsWith('*') && name.StartsWith(p[..^1], StringComparison.Ordinal)));

    /// <summary>The span of the variable name inside a list item when it is written verbatim, else the whole item.</summary>
    private static TextSpan NameSpan(YamlNode node, string name) =>
        node is YamlScalar scalar && scalar.Style is YamlScalarStyle.Plain or YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted
            ? new TextSpan(scalar.ContentSpan.Start, Math.Min(name.Length, scalar.ContentSpan.Length))
            : node.Span;

    private static TextSpan WeightNameSpan(YamlMapping item, YamlNode written)
    {
        var nameEntry = CogYamlTree.Lookup(item, "name");
        return string.IsNullOrEmpty(CogYamlTree.GoString(nameEntry?.Value)) ? nameEntry?.Key.Span ?? written.Span : nameEntry!.Value!.Span;
    }

    private static string WeightNameProblem(string name) => name.Length == 0
        ? "This weights entry needs a name"
        : $"Weight name '{name}' must contain only lowercase letters and digits separated by '-', '.' or '_' (e.g. \"my-model-weights\")";

    /// <summary>
    /// Every error of validateWeights, in its order (model, then per entry: name, source, patterns, target).
    /// A missing or malformed name and a missing source are also schema errors, which report them.
    /// </summary>
    private static void AddWeightsErrors(Document document, YamlMapping root, ImmutableArray<CogBuildStopper>.Builder stoppers)
    {
        var weightsEntry = CogYamlTree.Lookup(root, "weights");
        if (CogYamlTree.Resolve(weightsEntry?.Value) is not YamlSequence { Items.Length: > 0 } weights)
        {
            return;
        }

        void Add(TextSpan span, string ours, string cogMessage, bool shown = true) =>
            stoppers.Add(new CogBuildStopper(CogYamlDiagnostics.WeightsEntryInvalid, document.Path, span, [ours], cogMessage, CogBuildPhase.ValidateAfterBuild) { Shown = shown });

        var modelSet = !string.IsNullOrEmpty(CogYamlTree.GoString(CogYamlTree.Lookup(root, "model")?.Value));
        var imageEntry = CogYamlTree.Lookup(root, "image");
        var imageSet = !string.IsNullOrEmpty(CogYamlTree.GoString(imageEntry?.Value));
        if (!modelSet)
        {
            stoppers.Add(new CogBuildStopper(CogYamlDiagnostics.WeightsNeedModel, document.Path, imageSet ? imageEntry!.Key.Span : weightsEntry!.Key.Span,
                [imageSet ? "weights require 'model', not 'image': rename 'image' to 'model'" : "weights require 'model' in cog.yaml: add model: <registry>/<owner>/<name>"],
                imageSet ? "invalid image: weights require 'model', not 'image' — rename 'image' to 'model'" : "invalid model: weights require 'model' in cog.yaml — rename 'image' to 'model'",
                CogBuildPhase.ValidateAfterBuild));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var targets = new List<string>();
        for (var i = 0; i < weights.Items.Length; i++)
        {
            var itemNode = weights.Items[i];
            if (CogYamlTree.Resolve(itemNode) is not YamlMapping item)
            {
                continue;
            }

            var field = $"weights[{i}]";
            var nameEntry = CogYamlTree.Lookup(item, "name");
            var name = CogYamlTree.GoString(nameEntry?.Value) ?? "";
            if (name.Length == 0)
            {
                Add(WeightNameSpan(item, itemNode), WeightNameProblem(name), $"invalid {field}.name: name is required", shown: false);
            }
            else if (!WeightNamePattern().IsMatch(name))
            {
                Add(WeightNameSpan(item, itemNode), WeightNameProblem(name),
                    $"invalid {field}.name {GoStrings.Quote(name)}: must contain only lowercase alphanumeric characters, hyphens, dots, or underscores (e.g. \"my-model-weights\")", shown: false);
            }
            else if (!names.Add(name))
            {
                Add(nameEntry!.Value!.Span, $"Duplicate weight name '{name}'", $"invalid {field}.name {GoStrings.Quote(name)}: duplicate weight name");
            }

            var sourceEntry = CogYamlTree.Lookup(item, "source");
            var sourceNode = CogYamlTree.Resolve(sourceEntry?.Value);
            if (sourceNode is null or YamlScalar { IsNull: true } or YamlSequence { Items.Length: 0 })
            {
                Add(sourceEntry?.Key.Span ?? nameEntry?.Key.Span ?? itemNode.Span, "This weights entry needs a source", $"invalid {field}.source: source is required",
                    shown: sourceNode is YamlSequence);
            }
            else
            {
                var sources = sourceNode is YamlSequence list ? list.Items.Select(CogYamlTree.Resolve).ToList() : [sourceNode];
                for (var j = 0; j < sources.Count; j++)
                {
                    if (sources[j] is not YamlMapping source)
                    {
                        continue;
                    }

                    var sourceField = sources.Count == 1 ? $"{field}.source" : $"{field}.source[{j}]";
                    foreach (var kind in new[] { "include", "exclude" })
                    {
                        var patterns = CogYamlTree.GoStringList(CogYamlTree.Lookup(source, kind)?.Value) ?? [];
                        for (var k = 0; k < patterns.Count; k++)
                        {
                            var (pattern, node) = patterns[k];
                            var p = GoStrings.TrimSpace(pattern);
                            var at = $"invalid {sourceField}.{kind}[{k}]";
                            if (p.Length == 0)
                            {
                                Add(node.Span, "Pattern must not be empty", $"{at}: pattern must not be empty");
                                continue;
                            }

                            if (p.StartsWith('!'))
                            {
                                Add(node.Span, "Negation patterns (starting with '!') are not supported", $"{at} {GoStrings.Quote(p)}: negation patterns (starting with '!') are not supported");
                            }

                            if (p.Contains('\\', StringComparison.Ordinal))
                            {
                                Add(node.Span, "Patterns must use forward slashes, not backslashes", $"{at} {GoStrings.Quote(p)}: patterns must use forward slashes, not backslashes");
                            }
                        }
                    }
                }
            }

            var targetEntry = CogYamlTree.Lookup(item, "target");
            var target = CogYamlTree.GoString(targetEntry?.Value) ?? "";
            if (target.Length == 0)
            {
                Add(targetEntry?.Key.Span ?? nameEntry?.Key.Span ?? itemNode.Span, "This weights entry needs a target (an absolute path in the container)", $"invalid {field}.target: target is required");
                continue;
            }

            var span = targetEntry!.Value!.Span;
            var quoted = GoStrings.Quote(target);
            if (!target.StartsWith('/'))
            {
                Add(span, $"Weight target '{target}' must be an absolute path", $"invalid {field}.target {quoted}: target must be an absolute path");
            }

            var cleaned = PathUtil.Normalize(target);
            if (cleaned == "/")
            {
                Add(span, "Weight target must not be the container root \"/\"", $"invalid {field}.target {quoted}: target must not be the container root \"/\"");
            }

            if (targets.Contains(cleaned))
            {
                Add(span, $"Duplicate weight target '{target}'", $"invalid {field}.target {quoted}: duplicate weight target");
                continue;
            }

            var overlap = targets.FirstOrDefault(t => cleaned.StartsWith(t + "/", StringComparison.Ordinal) || t.StartsWith(cleaned + "/", StringComparison.Ordinal));
            if (overlap is not null)
            {
                Add(span, $"Weight target '{target}' overlaps '{overlap}'; weight targets must be disjoint",
                    $"invalid {field}.target {quoted}: target overlaps with {GoStrings.Quote(overlap)}; weight targets must be disjoint");
            }

            targets.Add(cleaned);
        }
    }

    /// <summary>wheels.go ValidateSDKVersion, run by the generator's installCog (after the Python packages).</summary>
    private static void AddSdkVersionError(Document document, YamlMapping root, ImmutableArray<CogBuildStopper>.Builder stoppers)
    {
        var entry = CogYamlTree.Lookup(CogYamlTree.Lookup(root, "build")?.Value, "sdk_version");
        var value = CogYamlTree.GoString(entry?.Value);
        if (value is not null && CogSdkVersion.BelowMinimumError(value) is { } error)
        {
            stoppers.Add(new CogBuildStopper(CogYamlDiagnostics.SdkVersionTooOld, document.Path, entry!.Value!.Span, [error], error, CogBuildPhase.Generator));
        }
    }
}
