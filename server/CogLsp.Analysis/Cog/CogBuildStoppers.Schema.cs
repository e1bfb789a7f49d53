using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// validate.go validateSchema: Cog checks the decoded config against its JSON schema
/// (data/config_schema_v1.0.json, with gojsonschema 1.2.0) before any other validation, and prints
/// only the most specific error: the one with the most dot-separated parts in its field, the first of
/// those, unless one of them is a type error ("invalid_type" wins a tie). The schema sees the config
/// as Go encodes it to JSON, so only what Go decoded is checked, and empty optional strings are gone.
/// Modelled here: the conditions of rules that decide a build on their own.
/// </summary>
public static partial class CogBuildStoppers
{
    private const string SchemaPrefix = "schema error in \"";

    private static void AddSchemaErrors(Document document, YamlMapping root, ImmutableArray<CogBuildStopper>.Builder stoppers)
    {
        var violations = new List<SchemaViolation>();
        var complete = !CogYamlTree.Model(document).HasSyntaxErrors;

        // "not": {"required": ["run", "predict"]}: both keys decoded, even as empty strings.
        var run = CogYamlTree.Lookup(root, "run");
        var predict = CogYamlTree.Lookup(root, "predict");
        if (CogYamlTree.GoString(run?.Value) is { } runText && CogYamlTree.GoString(predict?.Value) is { } predictText)
        {
            // When both are non-empty, validatePredict's stopper reports the same condition on the same span.
            violations.Add(new SchemaViolation(CogYamlDiagnostics.RunAndPredict, predict!.Key.Span, [], "(root)", "Must not validate the schema (not)",
                false, runText.Length == 0 || predictText.Length == 0));
        }

        // build requires python_version; COG0201 reports it, the resolver's validation adds Cog's second line.
        var build = CogYamlTree.Lookup(root, "build");
        if (complete && CogYamlTree.Resolve(build?.Value) is YamlMapping buildMapping && CogYamlTree.IsNull(CogYamlTree.Lookup(buildMapping, "python_version")?.Value))
        {
            violations.Add(new SchemaViolation(CogYamlDiagnostics.PythonVersionMissing, build!.Key.Span, [CogYamlSchema.DefaultPython], "build", "python_version is required", false, false));
        }

        if (complete && CogYamlTree.Resolve(build?.Value) is YamlMapping runParent && CogYamlTree.Resolve(CogYamlTree.Lookup(runParent, "run")?.Value) is YamlSequence runs)
        {
            AddRunItemViolations(runs, violations);
        }

        var environment = CogYamlTree.GoStringList(CogYamlTree.Lookup(root, "environment")?.Value) ?? [];
        for (var i = 0; i < environment.Count; i++)
        {
            if (!EnvironmentItemPattern().IsMatch(environment[i].Value))
            {
                violations.Add(new SchemaViolation(CogYamlDiagnostics.EnvironmentFormat, environment[i].Node.Span, [environment[i].Value],
                    $"environment.{i}", "Does not match pattern '^[A-Za-z_][A-Za-z0-9_]*=.*$'", false, true));
            }
        }

        var concurrency = CogYamlTree.Lookup(root, "concurrency");
        if (complete && CogYamlTree.Resolve(concurrency?.Value) is YamlMapping concurrencyMapping && CogYamlTree.IsNull(CogYamlTree.Lookup(concurrencyMapping, "max")?.Value))
        {
            violations.Add(new SchemaViolation(CogYamlDiagnostics.ConcurrencyMaxMissing, concurrency!.Key.Span, [], "concurrency", "max is required", false, true));
        }

        // weights items: name is encoded even when empty; a missing source is encoded as null, which
        // neither branch of the source's oneOf accepts (both fail on the type: "must be a mapping").
        if (CogYamlTree.Resolve(CogYamlTree.Lookup(root, "weights")?.Value) is YamlSequence weights)
        {
            for (var i = 0; i < weights.Items.Length; i++)
            {
                if (CogYamlTree.Resolve(weights.Items[i]) is not YamlMapping item)
                {
                    continue;
                }

                var nameEntry = CogYamlTree.Lookup(item, "name");
                var name = CogYamlTree.GoString(nameEntry?.Value) ?? "";
                if (!WeightNamePattern().IsMatch(name))
                {
                    violations.Add(new SchemaViolation(CogYamlDiagnostics.WeightsEntryInvalid, WeightNameSpan(item, weights.Items[i]), [WeightNameProblem(name)],
                        $"weights.{i}.name", "Does not match pattern '^[a-z0-9]+([._-][a-z0-9]+)*$'", false, true));
                }

                var sourceEntry = CogYamlTree.Lookup(item, "source");
                if (CogYamlTree.IsNull(sourceEntry?.Value))
                {
                    violations.Add(new SchemaViolation(CogYamlDiagnostics.WeightsEntryInvalid, sourceEntry?.Key.Span ?? nameEntry?.Key.Span ?? weights.Items[i].Span,
                        ["This weights entry needs a source"], $"weights.{i}.source", "must be a mapping", true, true));
                }
            }
        }

        if (violations.Count == 0)
        {
            return;
        }

        var depth = violations.Max(v => v.Depth);
        var chosen = violations.FirstOrDefault(v => v.Depth == depth && v.InvalidType) ?? violations.First(v => v.Depth == depth);
        var message = $"{SchemaPrefix}{(chosen.Field == "(root)" ? "cog.yaml" : chosen.Field)}\": {chosen.Description}";
        foreach (var v in violations)
        {
            stoppers.Add(new CogBuildStopper(v.Descriptor, document.Path, v.Span, v.Arguments, message, CogBuildPhase.Schema) { Shown = v.Shown });
        }
    }

    /// <summary>
    /// build.run items: each is a string or an object with a command (items:anyOf). Go encodes every item
    /// as an object, leaving out an empty command and empty mount fields. For an object the object branch
    /// matches best, so gojsonschema reports "anyOf" at the item followed by that branch's errors, and
    /// Cog prints the anyOf error with the next error's text ("command is required"), unless a mount's
    /// error lies deeper.
    /// </summary>
    private static void AddRunItemViolations(YamlSequence runs, List<SchemaViolation> violations)
    {
        for (var i = 0; i < runs.Items.Length; i++)
        {
            var written = runs.Items[i];
            var node = CogYamlTree.Resolve(written);
            // A string is a command; anything but a mapping or an empty item is the decoder's type error.
            if (node is not (YamlMapping or null or YamlScalar { IsNull: true }))
            {
                continue;
            }

            var item = node as YamlMapping;
            if (string.IsNullOrEmpty(CogYamlTree.GoString(CogYamlTree.Lookup(item, "command")?.Value)))
            {
                violations.Add(new SchemaViolation(CogYamlDiagnostics.RunItemIncomplete, written.Span,
                    [item is null ? "A build.run item is empty: write a command" : "A build.run item written as a mapping needs a 'command'"],
                    $"build.run.{i}", "command is required", false, true));
            }

            if (CogYamlTree.Resolve(CogYamlTree.Lookup(item, "mounts")?.Value) is not YamlSequence mounts)
            {
                continue;
            }

            for (var j = 0; j < mounts.Items.Length; j++)
            {
                if (CogYamlTree.Resolve(mounts.Items[j]) is not YamlMapping mount)
                {
                    continue;
                }

                var at = $"build.run.{i}.mounts.{j}";
                foreach (var field in new[] { "type", "id", "target" })
                {
                    if (string.IsNullOrEmpty(CogYamlTree.GoString(CogYamlTree.Lookup(mount, field)?.Value)))
                    {
                        violations.Add(new SchemaViolation(CogYamlDiagnostics.RunItemIncomplete, mounts.Items[j].Span, [$"This mount needs '{field}'"],
                            at, $"{field} is required", false, true));
                    }
                }

                var type = CogYamlTree.Lookup(mount, "type");
                if (CogYamlTree.GoString(type?.Value) is { Length: > 0 } t && t != "secret")
                {
                    violations.Add(new SchemaViolation(CogYamlDiagnostics.RunItemIncomplete, type!.Value!.Span, [$"Mount type '{t}' is not supported; Cog supports only 'secret'"],
                        at + ".type", at + ".type must be one of the following: \"secret\"", false, true));
                }
            }
        }
    }

    /// <summary>Go's regexp: '.' stops at a newline and '$' is the end of the text.</summary>
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*=[^\n]*\z")]
    private static partial Regex EnvironmentItemPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:[._-][a-z0-9]+)*\z")]
    private static partial Regex WeightNamePattern();

    /// <summary>One schema error gojsonschema reports, with the rule that reports its condition.</summary>
    private sealed record SchemaViolation(DiagnosticDescriptor Descriptor, TextSpan Span, ImmutableArray<object?> Arguments, string Field, string Description, bool InvalidType, bool Shown)
    {
        public int Depth => Field.Split('.').Length;
    }
}
