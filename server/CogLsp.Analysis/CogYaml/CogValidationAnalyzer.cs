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
        CogYamlDiagnostics.SdkVersionTooOld, CogYamlDiagnostics.SdkVersionInvalid,
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
    }

    /// <summary>The rules of this family that stop `cog build` are decided by <see cref="CogBuildStoppers"/>; they are reported from there.</summary>
    private void ReportStoppers(AnalysisContext context)
    {
        foreach (var stopper in CogBuildStoppers.InCogYaml(context.Document))
        {
            if (stopper.Shown && SupportedDiagnostics.Any(d => ReferenceEquals(d, stopper.Descriptor)))
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

        var sdkEntry = CogYamlTree.Lookup(build, "sdk_version");
        if (CogYamlTree.GoString(sdkEntry?.Value) is { } sdk && CogSdkVersion.IsInvalidForPip(sdk) && CogSdkVersion.BelowMinimumError(sdk) is null)
        {
            context.Report(CogYamlDiagnostics.SdkVersionInvalid, sdkEntry!.Value!.Span, sdk, CogSdkVersion.Requirement(sdk));
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
}
