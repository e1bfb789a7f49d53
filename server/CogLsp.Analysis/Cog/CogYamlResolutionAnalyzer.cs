using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// COG0500–COG0502 on cog.yaml keys (CUDA picked, Cog's warnings and errors) and COG0600–COG0623 on
/// python_packages entries (the per-line findings of REQ05xx). One condition gives one diagnostic: an
/// error Cog blames on a python_packages entry is reported on the entry (where it is fixed), with the
/// key it concerns as related information; cuda without gpu is COG0208's (cog.yaml validation).
/// </summary>
public sealed class CogYamlResolutionAnalyzer(ICogConfigProvider configs) : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [CogDiagnostics.CudaChosen, CogDiagnostics.CogWarning, CogDiagnostics.CogError, .. CogDiagnostics.PythonPackagesRules];

    public void Analyze(AnalysisContext context)
    {
        var config = configs.ReadConfig(context.Workspace, context.Document);
        if (config is null)
        {
            return;
        }

        var resolution = CogResolutionCache.Get(context.Workspace, config);
        var length = context.Document.Text.Length;
        TextSpan? SpanOf(string? key) => key is not null && config.Spans.TryGetValue(key, out var s) && s.End <= length ? s : null;

        // Where Cog's error is reported: on the python_packages entry it blames, else on the key.
        var errorEntry = resolution.Error is not null && resolution.FromPythonPackages && !config.PythonPackageSpans.IsDefaultOrEmpty
            ? resolution.Findings.FirstOrDefault(f => f.InPythonPackages && f.Kind == CogFindingKind.CogError && f.Line < config.PythonPackageSpans.Length)
            : null;
        if (errorEntry is null)
        {
            // Validation errors other than a pair of incompatible versions are the cog.yaml validation rules' (COG02xx).
            // A cuDNN without an image for the CUDA, and a CUDA without any image, are COG0206 and COG0207 on the same value.
            var reported = (resolution.ErrorKind is CogErrorKind.Resolution
                || (resolution.ErrorKind is CogErrorKind.IncompatibleVersions && resolution.ErrorKey is "build.cudnn" or "build.cuda"))
                && !IsCudaValidationError(config, resolution);
            if (resolution.Error is not null && reported && SpanOf(resolution.ErrorKey) is { } errorSpan)
            {
                context.Report(CogDiagnostics.CogError, errorSpan, resolution.Error);
            }
        }

        // Cog's warning about a python_packages entry is one diagnostic: on the key it concerns (where its
        // suggested fix goes), pointing at the entry; the entry's own finding is left out.
        var entryWarnings = resolution.FromPythonPackages && !config.PythonPackageSpans.IsDefaultOrEmpty
            ? resolution.Warnings.Where(w => w.LineIndex >= 0 && w.LineIndex < config.PythonPackageSpans.Length && SpanOf(w.Key) is not null).ToList()
            : [];
        var warnings = resolution.Warnings;
        for (var i = 0; i < warnings.Length; i++)
        {
            var warning = warnings[i];
            if (SpanOf(warning.Key) is not { } warningSpan || (warning.Key == "build.cuda" && config.Cuda is null))
            {
                continue;
            }

            // Cog prints its suggestion ("Try 11.8 instead?") as a line of its own after the warning it
            // belongs to; both are shown as one diagnostic, and the suggested version becomes a quick fix.
            var suggestion = i + 1 < warnings.Length && warnings[i + 1].Key == warning.Key ? warnings[i + 1].SuggestedCuda : null;
            var text = suggestion is null ? warning.Text : warning.Text + " " + warnings[++i].Text;
            var diagnostic = Diagnostic.Create(CogDiagnostics.CogWarning, context.Document.Path, warningSpan, "Cog: " + text);
            if (entryWarnings.Contains(warning) && config.PythonPackageSpans[warning.LineIndex] is { } entrySpan && entrySpan.End <= length)
            {
                diagnostic = diagnostic with { Related = [new RelatedLocation(context.Document.Path, entrySpan, "the python_packages entry Cog warns about")] };
            }

            context.Report(suggestion is null ? diagnostic : diagnostic.WithData(new SuggestedCudaData(suggestion)));
        }

        if (config.Gpu && resolution.Cuda is not null && SpanOf("build.gpu") is { } gpuSpan)
        {
            context.Report(CogDiagnostics.CudaChosen, gpuSpan,
                $"Cog builds with CUDA {resolution.Cuda} ({CogExplanations.CudaSource(resolution.CudaSource)}) and cuDNN {resolution.Cudnn} on {resolution.BaseImage ?? "no base image"}{(resolution.CogBaseImage is null ? string.Empty : $" (or {resolution.CogBaseImage} when the registry has it)")}.");
        }

        if (resolution.FromPythonPackages && !config.PythonPackageSpans.IsDefaultOrEmpty)
        {
            var items = CogYaml.PythonPackageItems.Get(context.Document);
            foreach (var finding in resolution.Findings.Where(f => f.InPythonPackages && f.Line < config.PythonPackageSpans.Length))
            {
                if (finding.Kind == CogFindingKind.CogWarning && entryWarnings.Any(w => w.LineIndex == finding.Line && finding.Message.Contains(w.Text, StringComparison.Ordinal)))
                {
                    continue;
                }

                var entry = config.PythonPackageSpans[finding.Line];
                var span = entry.End <= length ? entry : new TextSpan(0, 0);
                if (finding.Line < items.Length && items[finding.Line].Node.Span == entry)
                {
                    // The finding's span is in the item's value: map it into the written string.
                    span = items[finding.Line].Map.Map(finding.Span);
                }

                var diagnostic = Diagnostic.Create(CogDiagnostics.ForPythonPackage(finding.Kind), context.Document.Path, span, finding.Message) with { Severity = finding.Severity };
                if (finding.Fix is not null)
                {
                    diagnostic = diagnostic.WithData(new ReplacementData(finding.Fix));
                }

                if (finding == errorEntry && SpanOf(resolution.ErrorKey) is { } keySpan)
                {
                    diagnostic = diagnostic with { Related = [new RelatedLocation(context.Document.Path, keySpan, "Cog's error concerns this setting too")] };
                }

                context.Report(diagnostic);
            }
        }
    }

    /// <summary>Cog's error is one that cog.yaml validation already reports on the same value (COG0206, COG0207).</summary>
    private static bool IsCudaValidationError(CogBuildConfig config, CogResolution resolution) =>
        config.Gpu && config.Cuda is { } cuda && resolution.Error is { } error
        && ((resolution.ErrorKind is CogErrorKind.IncompatibleVersions && resolution.ErrorKey == "build.cudnn"
                && error.StartsWith($"CUDA {cuda} is incompatible with CuDNN ", StringComparison.Ordinal))
            || (resolution.ErrorKey == "build.cuda" && error == $"CUDA {cuda} is not supported by Cog" && CogYaml.CudaBaseImages.CompatibleCudnns(cuda).IsEmpty));
}
