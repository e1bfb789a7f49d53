using System.Collections.Immutable;
using System.Globalization;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// The one place that knows which conditions stop `cog build` (Cog 6110c912: pkg/config parse.go,
/// validate.go and config.go ResolveLocalPackageArtifacts) beyond the build section's own rules, which
/// the resolver keeps. The cog.yaml analyzers report these stoppers as diagnostics; the resolver fails
/// with the first in Cog's order and Cog's own text. Every shown stopper's descriptor has
/// <see cref="DiagnosticDescriptor.StopsCogBuild"/> set, and every such descriptor is reported only from here
/// (a hidden stopper, <see cref="CogBuildStopper.Shown"/> false, only carries a line Cog prints).
/// </summary>
public static partial class CogBuildStoppers
{
    /// <summary>The stoppers in a cog.yaml, in Cog's order (parse, then validation), memoised per text.</summary>
    public static ImmutableArray<CogBuildStopper> InCogYaml(Document cogYaml)
    {
        ArgumentNullException.ThrowIfNull(cogYaml);
        return cogYaml.GetOrAdd(typeof(CogBuildStoppers), d => new Memo(Compute(d))).Value;
    }

    /// <summary>Cog's message when yaml.Unmarshal fails for this config (nothing else then runs), else null.</summary>
    internal static string? ParseFailure(CogBuildConfig config) =>
        config.Stoppers.FirstOrDefault(s => s.Phase == CogBuildPhase.Parse)?.CogMessage;

    /// <summary>
    /// The validation errors of one phase, as the resolver joins them with the build section's, each with
    /// the cog.yaml field Cog names in it ("invalid concurrency.max …" → "concurrency.max", "schema error in
    /// \"concurrency\": …" → "concurrency"). Stoppers that share a line (all schema stoppers share the one
    /// schema error Cog prints; later environment items share the first failing item's) give it once.
    /// </summary>
    internal static IEnumerable<(string Text, string Key)> ValidationErrors(CogBuildConfig config, CogBuildPhase phase) =>
        config.Stoppers.Where(s => s.Phase == phase).Select(s => s.CogMessage).Distinct(StringComparer.Ordinal).Select(m => (m, ErrorField(m)));

    private static string ErrorField(string message) =>
        message.StartsWith(SchemaPrefix, StringComparison.Ordinal)
            ? message[SchemaPrefix.Length..].Split('"')[0]
            : message["invalid ".Length..].Split(' ', ':')[0];

    /// <summary>
    /// Cog's error for a local artifact path that does not exist (EvalSymlinks fails with lstat on the
    /// first missing part of the path) or names a folder (os.Stat finds no regular file), or null when
    /// the file is there.
    /// </summary>
    public static string? MissingLocalArtifact(WorkspaceSnapshot workspace, string requirementsDirectory, string artifactPath)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var resolved = PathUtil.Resolve(requirementsDirectory, artifactPath);
        if (workspace.FileExists(resolved))
        {
            return null;
        }

        if (workspace.FileSystem.DirectoryExists(resolved))
        {
            return $"local Python package artifact {GoStrings.Quote(artifactPath)} must be a regular file";
        }

        var missing = resolved;
        for (var parent = PathUtil.GetDirectory(missing); parent.Length > 0 && parent != missing && !workspace.FileSystem.DirectoryExists(parent); parent = PathUtil.GetDirectory(parent))
        {
            missing = parent;
        }

        return $"local Python package artifact {GoStrings.Quote(artifactPath)} not found: lstat {missing}: no such file or directory";
    }

    /// <summary>
    /// <paramref name="resolution"/> failed the way Cog's generator fails when a local artifact line
    /// names a file that does not exist: Cog stages artifacts line by line after Load succeeded, so the
    /// first missing one wins over a later line's artifact error and over the base image choice.
    /// For a resolution made in full (not spliced), as `cog-lsp resolve` makes it.
    /// </summary>
    public static CogResolution WithLocalArtifacts(WorkspaceSnapshot workspace, CogBuildConfig config, CogResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(resolution);
        if (!ReachedGenerator(resolution) || config.RequirementsPath is not { } path || workspace.GetDocument(path, DocumentKind.Requirements) is not { } requirements)
        {
            return resolution;
        }

        foreach (var line in CogRequirementsReader.Read(requirements.Text.ToString()).Lines)
        {
            var (artifact, isArtifact, error) = CogRequirementSyntax.ParseLocalArtifact(line.Text);
            if (error is not null)
            {
                return resolution;
            }

            if (isArtifact && artifact is not null && MissingLocalArtifact(workspace, requirements.Directory, artifact) is { } message)
            {
                return resolution with
                {
                    Error = message, ErrorKey = null, ErrorLine = line.Index, ErrorKind = CogErrorKind.Resolution,
                    RequirementLines = [], BaseImage = null, CogBaseImage = null,
                };
            }
        }

        return resolution;
    }

    /// <summary>
    /// The resolution as `cog build` ends it once the Dockerfile generator runs. Its pipInstalls step first
    /// resolves the SDK wheel (build.sdk_version below 0.16.0 stops the build there), then writes the
    /// requirements and stages local artifacts (<see cref="WithLocalArtifacts"/>).
    /// </summary>
    public static CogResolution AtGenerator(WorkspaceSnapshot workspace, CogBuildConfig config, CogResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(resolution);
        if (ReachedGenerator(resolution) && config.Stoppers.FirstOrDefault(s => s.Phase == CogBuildPhase.Generator && ReferenceEquals(s.Descriptor, CogYamlDiagnostics.SdkVersionTooOld)) is { } sdk)
        {
            return resolution with { Error = sdk.CogMessage, ErrorKey = "build.sdk_version", ErrorLine = -1, ErrorKind = CogErrorKind.Resolution, RequirementLines = [], BaseImage = null, CogBaseImage = null };
        }

        return WithLocalArtifacts(workspace, config, resolution);
    }

    /// <summary>The resolution failed (if at all) only in the generator's requirement step, after the base image was chosen.</summary>
    private static bool ReachedGenerator(CogResolution resolution) =>
        resolution.Error is null
        || (!resolution.ErrorIsValidation && resolution.ErrorKey is null && resolution.ErrorLine >= 0)
        || (!resolution.ErrorIsValidation && resolution.Cuda is not null);

    private static ImmutableArray<CogBuildStopper> Compute(Document document)
    {
        var model = CogYamlTree.Model(document);
        var stoppers = ImmutableArray.CreateBuilder<CogBuildStopper>();
        AddParseFailures(document, model, stoppers);
        if (CogYamlTree.Resolve(model.Root) is YamlMapping root)
        {
            AddSchemaErrors(document, root, stoppers);
            AddReferenceErrors(document, root, stoppers);
            AddEnvironmentErrors(document, root, stoppers);
            AddConcurrencyErrors(document, root, stoppers);
            AddModelErrors(document, root, stoppers);
            AddWeightsErrors(document, root, stoppers);
            AddSdkVersionError(document, root, stoppers);
        }

        return stoppers.ToImmutable();
    }

    // ---- parse.go: yaml.Unmarshal into configFile. The first syntax error, else every value Go cannot decode.

    private static void AddParseFailures(Document document, CogYamlDocument model, ImmutableArray<CogBuildStopper>.Builder stoppers)
    {
        const string Prefix = "failed to parse cog.yaml: invalid YAML: ";
        if (model.Errors.FirstOrDefault(e => e.Kind == YamlErrorKind.Syntax) is { } syntax)
        {
            var at = document.Text.GetLinePosition(syntax.Span.Start);
            var text = syntax.Message.TrimEnd('.');
            text = text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : text;
            stoppers.Add(new CogBuildStopper(YamlSyntaxAnalyzer.YamlSyntaxError, document.Path, syntax.Span, [syntax.Message],
                string.Create(CultureInfo.InvariantCulture, $"{Prefix}yaml: line {at.Line + 1}, column {at.Character + 1}: {text}"), CogBuildPhase.Parse));
        }

        // Kept after a syntax error too (the editor shows them); the resolver reports only the first parse stopper.
        // A mapping with a key written twice is not decoded any further: no type error inside it is reported.
        var (duplicates, skipped) = DecodedDuplicates(model);
        var typeErrors = CogSchemaAnalyzer.TypeErrors(model)
            .Where(e => !skipped.Any(m => m.Span.Start <= e.Span.Start && e.Span.End <= m.Span.End)).ToList();
        if (typeErrors.Count == 0 && duplicates.IsEmpty)
        {
            return;
        }

        // Go's decoder collects every construct error of the document, in the order it visits the nodes, into
        // one message; a mapping's duplicate keys are checked on entering it, pair by pair.
        int Line(int offset) => document.Text.GetLinePosition(offset).Line + 1;
        var errors = typeErrors.Select(e => (At: e.Span.Start, Order: 0, Text: string.Create(CultureInfo.InvariantCulture,
                $"line {Line(e.Value.Span.Start)}: cannot construct {GoTag(e.Value)} into {e.GoType}")))
            .Concat(duplicates.Select(d => (At: d.Mapping.Span.Start, Order: d.First.Key.Span.Start, Text: string.Create(CultureInfo.InvariantCulture,
                $"line {Line(d.Duplicate.Key.Span.Start)}: mapping key {GoStrings.Quote(d.Duplicate.KeyText ?? "")} already defined at line {Line(d.First.Key.Span.Start)}"))))
            .OrderBy(e => e.At).ThenBy(e => e.Order).ToList();
        var message = Prefix + "yaml: construct errors:" + string.Concat(errors.Select(e => "\n  " + e.Text));
        foreach (var duplicate in duplicates)
        {
            stoppers.Add(new CogBuildStopper(CogYamlDiagnostics.DuplicateKey, document.Path, duplicate.Duplicate.Key.Span,
                [duplicate.Duplicate.KeyText, Line(duplicate.First.Key.Span.Start)], message, CogBuildPhase.Parse));
        }

        foreach (var error in typeErrors)
        {
            stoppers.Add(new CogBuildStopper(CogYamlDiagnostics.WrongType, document.Path, error.Span, [error.Path, error.Expected], message, CogBuildPhase.Parse));
        }
    }

    /// <summary>The tag and value Go's tagError prints: "!!map", "!!seq", or "!!str `yes`" (values over 10 characters cut to 7 and "...").</summary>
    private static string GoTag(YamlNode node)
    {
        if (node is YamlMapping)
        {
            return "!!map";
        }

        if (node is YamlSequence)
        {
            return "!!seq";
        }

        var scalar = (YamlScalar)node;
        var tag = scalar.Tag is { } explicitTag && explicitTag.StartsWith("!!", StringComparison.Ordinal) ? explicitTag
            : !scalar.IsPlain ? "!!str"
            : CogYamlTree.GoBool(scalar) is not null ? "!!bool"
            : CogYamlTree.GoInt(scalar) is not null ? "!!int"
            : double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "!!float"
            : "!!str";
        var value = scalar.Value.Length > 10 ? scalar.Value[..7] + "..." : scalar.Value;
        return $"{tag} `{value}`";
    }

    // ---- validate.go: validatePredict, validateTrain.

    private static void AddReferenceErrors(Document document, YamlMapping root, ImmutableArray<CogBuildStopper>.Builder stoppers)
    {
        var run = CogYamlTree.Lookup(root, "run");
        var predict = CogYamlTree.Lookup(root, "predict");
        if (!string.IsNullOrEmpty(CogYamlTree.GoString(run?.Value)) && !string.IsNullOrEmpty(CogYamlTree.GoString(predict?.Value)))
        {
            stoppers.Add(new CogBuildStopper(CogYamlDiagnostics.RunAndPredict, document.Path, predict!.Key.Span, [],
                "invalid run: only one of run or predict can be set", CogBuildPhase.ValidateBeforeBuild));
        }
        else
        {
            AddReferenceError(document, run, "run", "run.py:Runner", stoppers);
            AddReferenceError(document, predict, "predict", "predict.py:Predictor", stoppers);
        }

        AddReferenceError(document, CogYamlTree.Lookup(root, "train"), "train", "train.py:Trainer", stoppers);
    }

    private static void AddReferenceError(Document document, YamlEntry? entry, string field, string example, ImmutableArray<CogBuildStopper>.Builder stoppers)
    {
        var text = CogYamlTree.GoString(entry?.Value);
        if (!string.IsNullOrEmpty(text) && text.Split(".py:").Length != 2)
        {
            stoppers.Add(new CogBuildStopper(CogYamlDiagnostics.BadReference, document.Path, entry!.Value!.Span, [field, example],
                $"invalid {field} {GoStrings.Quote(text)}: must be in the form '{example}'", CogBuildPhase.ValidateBeforeBuild));
        }
    }

    // ---- validate.go: validateConcurrency (splitPythonVersion from config.go).

    private static void AddConcurrencyErrors(Document document, YamlMapping root, ImmutableArray<CogBuildStopper>.Builder stoppers)
    {
        var maxEntry = CogYamlTree.LookupPath(root, "concurrency.max");
        if (CogYamlTree.GoInt(maxEntry?.Value) is not { } max)
        {
            return;
        }

        var quoted = GoStrings.Quote(max.ToString(CultureInfo.InvariantCulture));
        if (max < 1)
        {
            stoppers.Add(new CogBuildStopper(CogYamlDiagnostics.ConcurrencyTooLow, document.Path, maxEntry!.Value!.Span, [],
                $"invalid concurrency.max {quoted}: must be at least 1", CogBuildPhase.ValidateAfterBuild));
        }

        var python = CogYamlTree.GoString(CogYamlTree.LookupPath(root, "build.python_version")?.Value);
        if (max <= 1 || python is null)
        {
            return;
        }

        var parts = GoStrings.TrimSpace(python).Split('.', 3);
        if (parts.Length >= 2 && CogVersion.TryAtoi(parts[0], out var major) && CogVersion.TryAtoi(parts[1], out var minor) && major == 3 && minor < 11)
        {
            stoppers.Add(new CogBuildStopper(CogYamlDiagnostics.ConcurrencyNeedsPython311, document.Path, maxEntry!.Value!.Span,
                [CogYamlSchema.MinimumPythonForConcurrency, GoStrings.TrimSpace(python)],
                $"invalid concurrency.max {quoted}: concurrency requires Python {CogYamlSchema.MinimumPythonForConcurrency} or higher", CogBuildPhase.ValidateAfterBuild));
        }
    }

    // ---- validate.go: validateModel.

    private static void AddModelErrors(Document document, YamlMapping root, ImmutableArray<CogBuildStopper>.Builder stoppers)
    {
        var modelEntry = CogYamlTree.Lookup(root, "model");
        var imageEntry = CogYamlTree.Lookup(root, "image");
        var model = CogYamlTree.GoString(modelEntry?.Value);
        if (string.IsNullOrEmpty(model))
        {
            return;
        }

        if (!string.IsNullOrEmpty(CogYamlTree.GoString(imageEntry?.Value)))
        {
            stoppers.Add(new CogBuildStopper(CogYamlDiagnostics.ModelAndImage, document.Path, imageEntry!.Key.Span, [],
                "invalid model: 'model' and 'image' cannot both be set", CogBuildPhase.ValidateAfterBuild));
        }

        if (CogModelReference.Problem(model) is { } problem)
        {
            var ours = problem.StartsWith("must be a bare", StringComparison.Ordinal)
                ? "'model' must be a bare repository such as r8.im/owner/name: remove the tag or digest"
                : "'model' is not a valid repository name: " + problem["invalid repository: ".Length..];
            stoppers.Add(new CogBuildStopper(CogYamlDiagnostics.ModelNotRepository, document.Path, modelEntry!.Value!.Span, [ours],
                $"invalid model {GoStrings.Quote(model)}: {problem}", CogBuildPhase.ValidateAfterBuild));
        }
    }

    /// <summary>Document memos hold reference types.</summary>
    private sealed record Memo(ImmutableArray<CogBuildStopper> Value);
}
