using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// The deprecation warnings Cog prints (validate.go checkDeprecatedFields at commit 6110c912), each on
/// the deprecated key and tagged Deprecated so editors strike it through (COG03xx).
/// </summary>
public sealed class CogDeprecationAnalyzer : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        CogYamlDiagnostics.PythonPackagesDeprecated, CogYamlDiagnostics.PreInstallDeprecated,
        CogYamlDiagnostics.PredictDeprecated, CogYamlDiagnostics.ConcurrencyMaxDeprecated,
    ];

    public void Analyze(AnalysisContext context)
    {
        var root = CogYamlTree.Resolve(CogYamlTree.Model(context.Document).Root) as YamlMapping;
        if (root is null)
        {
            return;
        }

        // Cog warns only when a value is really set: a non-empty predict, a non-null max, non-empty lists.
        var predict = CogYamlTree.Lookup(root, "predict");
        if (!string.IsNullOrEmpty(CogYamlTree.GoString(predict?.Value)))
        {
            context.Report(CogYamlDiagnostics.PredictDeprecated, predict!.Key.Span);
        }

        var max = CogYamlTree.LookupPath(root, "concurrency.max");
        if (max is not null && !CogYamlTree.IsNull(max.Value))
        {
            context.Report(CogYamlDiagnostics.ConcurrencyMaxDeprecated, max.Key.Span);
        }

        var build = CogYamlTree.Lookup(root, "build")?.Value;
        var packages = CogYamlTree.Lookup(build, "python_packages");
        if (CogYamlTree.GoStringList(packages?.Value) is { Count: > 0 })
        {
            context.Report(CogYamlDiagnostics.PythonPackagesDeprecated, packages!.Key.Span);
        }

        var preInstall = CogYamlTree.Lookup(build, "pre_install");
        if (CogYamlTree.GoStringList(preInstall?.Value) is { Count: > 0 })
        {
            context.Report(CogYamlDiagnostics.PreInstallDeprecated, preInstall!.Key.Span);
        }
    }
}
