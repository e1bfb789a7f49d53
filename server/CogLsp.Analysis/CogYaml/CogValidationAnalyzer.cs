using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// Cog's semantic validation of cog.yaml (pkg/config validate.go, env.go and config.go at commit
/// 6110c912), each failure as an error on the offending key or value (COG02xx).
/// </summary>
public sealed partial class CogValidationAnalyzer : IDiagnosticAnalyzer
{
    /// <summary>Cog's deny list of environment variable names; a trailing '*' matches any suffix.</summary>
    public static ImmutableArray<string> ReservedEnvironmentNames { get; } =
    [
        "PATH", "LD_LIBRARY_PATH", "PYTHONPATH", "VIRTUAL_ENV", "PYTHONUNBUFFERED",
        "R8_*", "REPLICATE_*",
        "LIBRARY_PATH", "CUDA_*", "NVIDIA_*", "NV_*",
        "PGET_*", "HF_ENDPOINT", "HF_HUB_ENABLE_HF_TRANSFER",
        "KUBERNETES_*",
    ];

    public DocumentKind Kind => DocumentKind.CogYaml;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        CogYamlDiagnostics.PythonVersionMissing, CogYamlDiagnostics.PythonVersionMalformed, CogYamlDiagnostics.PythonVersionTooOld,
        CogYamlDiagnostics.CudaMalformed, CogYamlDiagnostics.CudaTooOld, CogYamlDiagnostics.CudaCudnnMismatch, CogYamlDiagnostics.CudaUnsupported,
        CogYamlDiagnostics.CudaWithoutGpu, CogYamlDiagnostics.BadReference, CogYamlDiagnostics.RunAndPredict,
        CogYamlDiagnostics.EnvironmentFormat, CogYamlDiagnostics.EnvironmentReserved, CogYamlDiagnostics.EnvironmentDuplicate,
        CogYamlDiagnostics.PackagesAndRequirements, CogYamlDiagnostics.ConcurrencyTooLow, CogYamlDiagnostics.ConcurrencyNeedsPython311,
        CogYamlDiagnostics.ConcurrencyMaxMissing, CogYamlDiagnostics.ModelAndImage, CogYamlDiagnostics.ModelNotRepository, CogYamlDiagnostics.WeightsNeedModel, CogYamlDiagnostics.WeightsEntryInvalid,
    ];

    public void Analyze(AnalysisContext context)
    {
        var model = CogYamlTree.Model(context.Document);
        if (CogYamlTree.Resolve(model.Root) is not YamlMapping root)
        {
            return;
        }

        // After a syntax error the model is partial: "missing key" findings would be noise.
        var complete = !model.HasSyntaxErrors;
        ReportStoppers(context);
        CheckBuild(context, root, complete);
        CheckEnvironment(context, root);
        CheckConcurrency(context, root, complete);
        CheckModelAndWeights(context, root);
    }

    /// <summary>The rules of this family that stop `cog build` are decided by <see cref="CogBuildStoppers"/>; they are reported from there.</summary>
    private void ReportStoppers(AnalysisContext context)
    {
        foreach (var stopper in CogBuildStoppers.InCogYaml(context.Document))
        {
            if (SupportedDiagnostics.Any(d => ReferenceEquals(d, stopper.Descriptor)))
            {
                context.Report(stopper.ToDiagnostic());
            }
        }
    }

    private static void CheckBuild(AnalysisContext context, YamlMapping root, bool complete)
    {
        var buildEntry = CogYamlTree.Lookup(root, "build");
        if (CogYamlTree.Resolve(buildEntry?.Value) is not YamlMapping build)
        {
            return;
        }

        var pythonEntry = CogYamlTree.Lookup(build, "python_version");
        var python = CogYamlTree.GoString(pythonEntry?.Value);
        if (string.IsNullOrEmpty(python))
        {
            if (complete && CogYamlTree.Resolve(pythonEntry?.Value) is null or YamlScalar)
            {
                context.Report(CogYamlDiagnostics.PythonVersionMissing, pythonEntry?.Key.Span ?? buildEntry!.Key.Span, CogYamlSchema.DefaultPython);
            }
        }
        else
        {
            var problem = PythonVersionProblem(python, out var tooOld);
            if (problem is not null)
            {
                context.Report(CogYamlDiagnostics.PythonVersionMalformed, pythonEntry!.Value!.Span, python.Trim(), problem);
            }
            else if (tooOld)
            {
                context.Report(CogYamlDiagnostics.PythonVersionTooOld, pythonEntry!.Value!.Span, python.Trim(), CogYamlSchema.MinimumPython);
            }
        }

        var packages = CogYamlTree.Lookup(build, "python_packages");
        var requirements = CogYamlTree.Lookup(build, "python_requirements");
        if (CogYamlTree.GoStringList(packages?.Value) is { Count: > 0 } && CogYamlTree.GoString(requirements?.Value) is { Length: > 0 } requirementsPath)
        {
            context.Report(CogYamlDiagnostics.PackagesAndRequirements, packages!.Key.Span, requirementsPath);
        }

        var gpuEntry = CogYamlTree.Lookup(build, "gpu");
        var gpu = CogYamlTree.GoBool(gpuEntry?.Value) == true;
        var cudaEntry = CogYamlTree.Lookup(build, "cuda");
        var cudnnEntry = CogYamlTree.Lookup(build, "cudnn");
        var cuda = CogYamlTree.GoString(cudaEntry?.Value);
        var cudnn = CogYamlTree.GoString(cudnnEntry?.Value);
        var cudaValid = false;
        if (!string.IsNullOrEmpty(cuda))
        {
            var parts = cuda.Split('.');
            if (parts.Length < 2)
            {
                context.Report(CogYamlDiagnostics.CudaMalformed, cudaEntry!.Value!.Span, cuda, "must include both major and minor versions");
            }
            else if (!CudaBaseImages.TryInt(parts[0], out var major))
            {
                context.Report(CogYamlDiagnostics.CudaMalformed, cudaEntry!.Value!.Span, cuda, "has an invalid major version number");
            }
            else if (major < CogYamlSchema.MinimumCudaMajor)
            {
                context.Report(CogYamlDiagnostics.CudaTooOld, cudaEntry!.Value!.Span, cuda, CogYamlSchema.MinimumCudaMajor);
            }
            else if (!CudaBaseImages.TryInt(parts[1], out _))
            {
                // validate.go does not look at the minor part, but config.go's check during completion does.
                context.Report(CogYamlDiagnostics.CudaMalformed, cudaEntry!.Value!.Span, cuda, "has an invalid minor version number");
            }
            else
            {
                cudaValid = true;
            }
        }

        if (!gpu)
        {
            foreach (var entry in new[] { cudaEntry, cudnnEntry })
            {
                if (entry is not null && !string.IsNullOrEmpty(CogYamlTree.GoString(entry.Value)))
                {
                    // The one diagnostic of this condition; where gpu is written, it points there too.
                    var diagnostic = Diagnostic.Create(CogYamlDiagnostics.CudaWithoutGpu, context.Document.Path, entry.Key.Span, entry.KeyText);
                    context.Report(gpuEntry is null ? diagnostic : diagnostic with { Related = [new RelatedLocation(context.Document.Path, gpuEntry.Value?.Span ?? gpuEntry.Key.Span, "gpu is not true here")] });
                }
            }

            return;
        }

        if (cudaValid)
        {
            var compatible = CudaBaseImages.CompatibleCudnns(cuda!);
            if (compatible.IsEmpty)
            {
                context.Report(CogYamlDiagnostics.CudaUnsupported, cudaEntry!.Value!.Span, cuda, string.Join(", ", CudaBaseImages.CudaMinorVersions.Reverse()));
            }
            else if (!string.IsNullOrEmpty(cudnn) && !compatible.Contains(cudnn))
            {
                context.Report(CogYamlDiagnostics.CudaCudnnMismatch, cudnnEntry!.Value!.Span, cuda, cudnn, string.Join(", ", compatible));
            }
        }
    }

    /// <summary>Cog's python_version check: null when well-formed; <paramref name="tooOld"/> when below the minimum.</summary>
    internal static string? PythonVersionProblem(string version, out bool tooOld)
    {
        tooOld = false;
        var parts = version.Trim().Split('.', 3);
        if (parts.Length < 2)
        {
            return "must include major and minor version";
        }

        if (!CudaBaseImages.TryInt(parts[0], out var major))
        {
            return "has an invalid major version number";
        }

        if (!CudaBaseImages.TryInt(parts[1], out var minor))
        {
            return "has an invalid minor version number";
        }

        tooOld = major < 3 || (major == 3 && minor < 10);
        return null;
    }

    private static void CheckEnvironment(AnalysisContext context, YamlMapping root)
    {
        var items = CogYamlTree.GoStringList(CogYamlTree.Lookup(root, "environment")?.Value);
        if (items is null)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (value, node) in items)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? value[..equals] : "";
            if (equals <= 0 || !EnvironmentName().IsMatch(name))
            {
                context.Report(CogYamlDiagnostics.EnvironmentFormat, node.Span, value);
                continue;
            }

            var reserved = ReservedEnvironmentNames.FirstOrDefault(p => p == name || (p.EndsWith('*') && name.StartsWith(p[..^1], StringComparison.Ordinal)));
            if (reserved is not null)
            {
                context.Report(CogYamlDiagnostics.EnvironmentReserved, NameSpan(node, name), name, reserved == name ? "Cog sets it itself" : $"names matching {reserved} are Cog's");
            }
            else if (!seen.Add(name))
            {
                context.Report(CogYamlDiagnostics.EnvironmentDuplicate, NameSpan(node, name), name);
            }
        }
    }

    /// <summary>The span of the variable name inside a list item when it is written verbatim, else the whole item.</summary>
    private static TextSpan NameSpan(YamlNode node, string name) =>
        node is YamlScalar scalar && scalar.Style is YamlScalarStyle.Plain or YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted
            ? new TextSpan(scalar.ContentSpan.Start, Math.Min(name.Length, scalar.ContentSpan.Length))
            : node.Span;

    private static void CheckConcurrency(AnalysisContext context, YamlMapping root, bool complete)
    {
        var concurrencyEntry = CogYamlTree.Lookup(root, "concurrency");
        if (CogYamlTree.Resolve(concurrencyEntry?.Value) is not YamlMapping concurrency)
        {
            return;
        }

        // max below 1, and above 1 on Python before 3.11, are build stoppers (ReportStoppers).
        if (complete && CogYamlTree.IsNull(CogYamlTree.Lookup(concurrency, "max")?.Value))
        {
            context.Report(CogYamlDiagnostics.ConcurrencyMaxMissing, concurrencyEntry!.Key.Span);
        }
    }

    private static void CheckModelAndWeights(AnalysisContext context, YamlMapping root)
    {
        var modelEntry = CogYamlTree.Lookup(root, "model");
        var imageEntry = CogYamlTree.Lookup(root, "image");
        var modelSet = !string.IsNullOrEmpty(CogYamlTree.GoString(modelEntry?.Value));
        var imageSet = !string.IsNullOrEmpty(CogYamlTree.GoString(imageEntry?.Value));

        var weightsEntry = CogYamlTree.Lookup(root, "weights");
        if (CogYamlTree.Resolve(weightsEntry?.Value) is not YamlSequence { Items.Length: > 0 } weights)
        {
            return;
        }

        if (!modelSet)
        {
            context.Report(CogYamlDiagnostics.WeightsNeedModel, imageSet ? imageEntry!.Key.Span : weightsEntry!.Key.Span,
                imageSet ? "weights require 'model', not 'image': rename 'image' to 'model'" : "weights require 'model' in cog.yaml: add model: <registry>/<owner>/<name>");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var targets = new List<string>();
        foreach (var itemNode in weights.Items)
        {
            if (CogYamlTree.Resolve(itemNode) is not YamlMapping item)
            {
                continue;
            }

            var nameEntry = CogYamlTree.Lookup(item, "name");
            var name = CogYamlTree.GoString(nameEntry?.Value) ?? "";
            if (name.Length == 0)
            {
                context.Report(CogYamlDiagnostics.WeightsEntryInvalid, nameEntry?.Key.Span ?? itemNode.Span, "This weights entry needs a name");
            }
            else if (!WeightName().IsMatch(name))
            {
                context.Report(CogYamlDiagnostics.WeightsEntryInvalid, nameEntry!.Value!.Span, $"Weight name '{name}' must contain only lowercase letters and digits separated by '-', '.' or '_' (e.g. \"my-model-weights\")");
            }
            else if (!names.Add(name))
            {
                context.Report(CogYamlDiagnostics.WeightsEntryInvalid, nameEntry!.Value!.Span, $"Duplicate weight name '{name}'");
            }

            var sourceNode = CogYamlTree.Resolve(CogYamlTree.Lookup(item, "source")?.Value);
            if (sourceNode is null or YamlScalar { IsNull: true } or YamlSequence { Items.Length: 0 })
            {
                context.Report(CogYamlDiagnostics.WeightsEntryInvalid, CogYamlTree.Lookup(item, "source")?.Key.Span ?? nameEntry?.Key.Span ?? itemNode.Span, "This weights entry needs a source");
            }
            else
            {
                var sources = sourceNode is YamlSequence list ? list.Items.Select(CogYamlTree.Resolve).OfType<YamlMapping>() : sourceNode is YamlMapping m ? [m] : [];
                foreach (var source in sources)
                {
                    foreach (var field in new[] { "include", "exclude" })
                    {
                        foreach (var (pattern, node) in CogYamlTree.GoStringList(CogYamlTree.Lookup(source, field)?.Value) ?? [])
                        {
                            var p = pattern.Trim();
                            var problem = p.Length == 0 ? "Pattern must not be empty"
                                : p.StartsWith('!') ? "Negation patterns (starting with '!') are not supported"
                                : p.Contains('\\', StringComparison.Ordinal) ? "Patterns must use forward slashes, not backslashes" : null;
                            if (problem is not null)
                            {
                                context.Report(CogYamlDiagnostics.WeightsEntryInvalid, node.Span, problem);
                            }
                        }
                    }
                }
            }

            var targetEntry = CogYamlTree.Lookup(item, "target");
            var target = CogYamlTree.GoString(targetEntry?.Value) ?? "";
            if (target.Length == 0)
            {
                context.Report(CogYamlDiagnostics.WeightsEntryInvalid, targetEntry?.Key.Span ?? nameEntry?.Key.Span ?? itemNode.Span, "This weights entry needs a target (an absolute path in the container)");
                continue;
            }

            var span = targetEntry!.Value!.Span;
            if (!target.StartsWith('/'))
            {
                context.Report(CogYamlDiagnostics.WeightsEntryInvalid, span, $"Weight target '{target}' must be an absolute path");
            }

            var cleaned = PathUtil.Normalize(target);
            if (cleaned == "/")
            {
                context.Report(CogYamlDiagnostics.WeightsEntryInvalid, span, "Weight target must not be the container root \"/\"");
            }

            if (targets.Contains(cleaned))
            {
                context.Report(CogYamlDiagnostics.WeightsEntryInvalid, span, $"Duplicate weight target '{target}'");
                continue;
            }

            var overlap = targets.FirstOrDefault(t => cleaned.StartsWith(t + "/", StringComparison.Ordinal) || t.StartsWith(cleaned + "/", StringComparison.Ordinal));
            if (overlap is not null)
            {
                context.Report(CogYamlDiagnostics.WeightsEntryInvalid, span, $"Weight target '{target}' overlaps '{overlap}'; weight targets must be disjoint");
            }

            targets.Add(cleaned);
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentName();

    [GeneratedRegex("^[a-z0-9]+(?:[._-][a-z0-9]+)*$")]
    private static partial Regex WeightName();
}
