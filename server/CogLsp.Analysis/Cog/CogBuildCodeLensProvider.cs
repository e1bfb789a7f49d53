using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// The code lens that says what Cog builds (<see cref="CogBuildPreview.Summary"/>) and opens the build
/// preview: at the top of the requirements file a cog.yaml names in build.python_requirements, and on the
/// `build` key of cog.yaml. One instance per document kind; a cog.yaml without a build key gets none.
/// </summary>
public sealed class CogBuildCodeLensProvider(ICogConfigProvider configs, DocumentKind kind) : ICodeLensProvider
{
    public DocumentKind Kind => kind;

    public IEnumerable<CodeLensItem> GetCodeLenses(FeatureContext context)
    {
        var workspace = context.Workspace;
        var document = context.Document;
        if (kind == DocumentKind.Requirements)
        {
            return configs.FindConfigFor(workspace, document) is { } config
                ? [new CodeLensItem(new TextSpan(0, 0), CogBuildPreview.Summary(CogBuildPreview.Resolve(workspace, config)), config.CogYamlPath)]
                : [];
        }

        if (configs.ReadConfig(workspace, document) is not { } yamlConfig
            || CogYamlTree.Lookup(CogYamlTree.Model(document).Root, "build") is not { } build)
        {
            return [];
        }

        return [new CodeLensItem(build.Key.Span, CogBuildPreview.Summary(CogBuildPreview.Resolve(workspace, yamlConfig)), document.Path)];
    }
}
