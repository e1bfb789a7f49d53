using System.Collections.Immutable;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Projects;

namespace CogLsp.Analysis;

/// <summary>
/// The registry of every analyzer, feature provider and code fix. This is the one place a new rule
/// or feature is wired in; the server and the CLI both use <see cref="CreateDefault"/>.
/// </summary>
public sealed class LanguageServices
{
    public ImmutableArray<IDiagnosticAnalyzer> Analyzers { get; init; } = [];

    public ImmutableArray<IHoverProvider> HoverProviders { get; init; } = [];

    public ImmutableArray<ICompletionProvider> CompletionProviders { get; init; } = [];

    public ImmutableArray<IOutlineProvider> OutlineProviders { get; init; } = [];

    public ImmutableArray<IDocumentLinkProvider> LinkProviders { get; init; } = [];

    public ImmutableArray<IFoldingProvider> FoldingProviders { get; init; } = [];

    public ImmutableArray<IInlayHintProvider> InlayHintProviders { get; init; } = [];

    public ImmutableArray<IDefinitionProvider> DefinitionProviders { get; init; } = [];

    public ImmutableArray<ICodeLensProvider> CodeLensProviders { get; init; } = [];

    public ImmutableArray<ICodeFixProvider> CodeFixProviders { get; init; } = [];

    public ImmutableArray<IRefactoringProvider> RefactoringProviders { get; init; } = [];

    /// <summary>Every rule the product knows, in ID order (the docs page and suppression checks use it).</summary>
    public ImmutableArray<DiagnosticDescriptor> AllDescriptors =>
        Analyzers.SelectMany(a => a.SupportedDiagnostics).Concat(GeneralDiagnostics.All)
            .DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();

    public static LanguageServices CreateDefault()
    {
        var cog = Projects.ProjectCogConfigProvider.Instance;
        return new()
        {
            Analyzers =
            [
                // cog.yaml
                new CogYaml.YamlSyntaxAnalyzer(),
                new CogYaml.CogSchemaAnalyzer(),
                new CogYaml.CogValidationAnalyzer(),
                new CogYaml.CogDeprecationAnalyzer(),
                new CogYaml.CogFilesAnalyzer(),
                new Cog.CogYamlResolutionAnalyzer(cog),
                new Cog.Gpu.GpuTargetAnalyzer(cog, Workspace.DocumentKind.CogYaml),
                new Cog.InstalledCogAnalyzer(),
                new CogYaml.PythonPackageItemsAnalyzer(),
                new Indexes.CogYamlIndexAnalyzer(),
                new Indexes.BuildRunIndexAnalyzer(),
                new CogYaml.BuildRun.BuildRunAnalyzer(cog),
                // requirements files
                new Requirements.RequirementsSyntaxAnalyzer(),
                new Requirements.PinningAnalyzer(),
                new Requirements.DuplicateAnalyzer(),
                new Requirements.HashModeAnalyzer(),
                new Requirements.IncludeAnalyzer(),
                new Requirements.LocalArtifactAnalyzer(cog),
                new Requirements.LocalProjectAnalyzer(),
                new Cog.CogRequirementsAnalyzer(cog),
                new Indexes.IndexAnalyzer(),
                new Cog.Gpu.GpuTargetAnalyzer(cog, Workspace.DocumentKind.Requirements),
            ],
            HoverProviders =
            [
                new CogYaml.CogYamlHoverProvider(),
                new Requirements.RequirementsHoverProvider(),
                new Cog.CogRequirementHoverProvider(cog),
                new CogYaml.PythonPackageItemHoverProvider(cog),
                new CogYaml.BuildRun.BuildRunHoverProvider(cog),
                new Indexes.IndexHoverProvider(),
            ],
            CompletionProviders =
            [
                new CogYaml.CogYamlCompletionProvider(),
                new Requirements.RequirementsCompletionProvider(new Cog.CogTableVersionSource()),
                new Indexes.IndexCompletionProvider(),
                new Indexes.CogYamlIndexCompletionProvider(),
            ],
            OutlineProviders =
            [
                new CogYaml.CogYamlOutlineProvider(),
                new Requirements.RequirementsOutlineProvider(),
            ],
            LinkProviders =
            [
                new CogYaml.CogYamlLinkProvider(),
                new Requirements.RequirementsLinkProvider(),
            ],
            FoldingProviders =
            [
                new CogYaml.CogYamlFoldingProvider(),
                new Requirements.RequirementsFoldingProvider(),
            ],
            InlayHintProviders =
            [
                new Cog.CogRequirementInlayHintProvider(cog),
                new CogYaml.PythonPackageItemInlayHintProvider(cog),
                new Indexes.IndexInlayHintProvider(),
                new Indexes.IndexInlayHintProvider(kind: Workspace.DocumentKind.CogYaml),
            ],
            DefinitionProviders =
            [
                new CogYaml.CogYamlLinkProvider(),
                new Features.LinkDefinitionProvider(new Requirements.RequirementsLinkProvider()),
            ],
            CodeLensProviders =
            [
                new Cog.CogBuildCodeLensProvider(cog, Workspace.DocumentKind.Requirements),
                new Cog.CogBuildCodeLensProvider(cog, Workspace.DocumentKind.CogYaml),
            ],
            CodeFixProviders =
            [
                // cog.yaml
                new CogYaml.MigratePythonPackagesFixProvider(),
                new CogYaml.RenameUnknownKeyFixProvider(),
                new CogYaml.QuoteFloatTrapFixProvider(),
                new CogYaml.AddGitToSystemPackagesFixProvider(),
                new CogYaml.MovePreInstallToRunFixProvider(),
                new CogYaml.RenamePredictToRunFixProvider(),
                new CogYaml.PythonPackagePinFixProvider(cog),
                new CogYaml.BuildRun.BuildRunPinFixProvider(cog),
                new CogYaml.BuildRun.BuildRunQuoteFixProvider(),
                // Cog's resolution (both file kinds)
                new Cog.CogCodeFixProvider(cog),
                new Cog.Gpu.GpuFloorFixProvider(cog),
                new Cog.ManagedPackageFixProvider(cog),
                // requirements files
                new Requirements.PinFixProvider(cog),
                new Requirements.RemoveDuplicateFixProvider(),
                new Indexes.IndexFixProvider(),
            ],
            RefactoringProviders =
            [
                new CogYaml.MigratePythonPackagesRefactoringProvider(),
                new Indexes.IndexUpgradeRefactoringProvider(),
                new Indexes.IndexUpgradeRefactoringProvider(Workspace.DocumentKind.CogYaml),
            ],
        };
    }
}
