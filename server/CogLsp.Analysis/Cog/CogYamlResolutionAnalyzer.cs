using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// COG0500–COG0503 on cog.yaml keys (CUDA picked, Cog's warnings and errors, cuda without gpu) and
/// COG0600–COG0623 on python_packages entries (the per-line findings of REQ05xx).
/// </summary>
public sealed class CogYamlResolutionAnalyzer(ICogConfigProvider configs) : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [CogDiagnostics.CudaChosen, CogDiagnostics.CogWarning, CogDiagnostics.CogError, CogDiagnostics.CudaIgnored, .. CogDiagnostics.PythonPackagesRules];

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

        if (!config.Gpu && SpanOf("build.cuda") is { } cudaSpan)
        {
            context.Report(CogDiagnostics.CudaIgnored, cudaSpan);
        }

        if (resolution.Error is not null && !resolution.ErrorIsValidation && SpanOf(resolution.ErrorKey) is { } errorSpan)
        {
            context.Report(CogDiagnostics.CogError, errorSpan, resolution.Error);
        }
        else if (resolution.Error is not null && resolution.ErrorIsValidation && resolution.ErrorKey is "build.cudnn" or "build.cuda"
            && (resolution.Error.Contains("incompatible", StringComparison.Ordinal)) && SpanOf(resolution.ErrorKey) is { } validationSpan)
        {
            context.Report(CogDiagnostics.CogError, validationSpan, resolution.Error);
        }

        var warnings = resolution.Warnings;
        for (var i = 0; i < warnings.Length; i++)
        {
            var warning = warnings[i];
            if (SpanOf(warning.Key) is not { } warningSpan || (warning.Key == "build.cuda" && config.Cuda is null))
            {
                continue;
            }

            // Cog prints its suggestion ("Try 11.8 instead?") as a line of its own after the warning it
            // belongs to; both are shown as one diagnostic, and the suggestion becomes a quick fix.
            var suggestion = i + 1 < warnings.Length && warnings[i + 1].Key == warning.Key ? SuggestedCuda(warnings[i + 1].Text) : null;
            var text = suggestion is null ? warning.Text : warning.Text + " " + warnings[++i].Text;
            var diagnostic = Diagnostic.Create(CogDiagnostics.CogWarning, context.Document.Path, warningSpan, "Cog: " + text);
            context.Report(suggestion is null ? diagnostic : diagnostic.WithProperty(CogCodeFixProvider.SuggestedCudaProperty, suggestion));
        }

        if (config.Gpu && resolution.Cuda is not null && SpanOf("build.gpu") is { } gpuSpan)
        {
            var source = resolution.CudaSource switch
            {
                CudaSource.CogYaml => "from build.cuda",
                CudaSource.TorchPin => "chosen from the torch pin",
                CudaSource.TensorFlowPin => "chosen from the tensorflow pin",
                _ => "Cog's default",
            };
            context.Report(CogDiagnostics.CudaChosen, gpuSpan,
                $"Cog builds with CUDA {resolution.Cuda} ({source}) and cuDNN {resolution.Cudnn} on {resolution.BaseImage ?? "no base image"}{(resolution.CogBaseImage is null ? string.Empty : $" (or {resolution.CogBaseImage} when the registry has it)")}.");
        }

        if (resolution.FromPythonPackages && !config.PythonPackageSpans.IsDefaultOrEmpty)
        {
            var items = CogYaml.PythonPackageItems.Get(context.Document);
            foreach (var finding in resolution.Findings.Where(f => f.InPythonPackages && f.Line < config.PythonPackageSpans.Length))
            {
                var entry = config.PythonPackageSpans[finding.Line];
                var span = entry.End <= length ? entry : new TextSpan(0, 0);
                if (finding.Line < items.Length && items[finding.Line].Node.Span == entry)
                {
                    // The finding's span is in the item's value: map it into the written string.
                    span = items[finding.Line].Map.Map(finding.Span);
                }

                var diagnostic = Diagnostic.Create(CogDiagnostics.ForPythonPackage(finding.Kind), context.Document.Path, span, finding.Message) with { Severity = finding.Severity };
                context.Report(finding.Fix is null ? diagnostic : diagnostic.WithProperty("fix", finding.Fix));
            }
        }
    }

    private static string? SuggestedCuda(string warning) =>
        warning.StartsWith("Try ", StringComparison.Ordinal) && warning.EndsWith(" instead?", StringComparison.Ordinal) ? warning[4..^9] : null;
}
