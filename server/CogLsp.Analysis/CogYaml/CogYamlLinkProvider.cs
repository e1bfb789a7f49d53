using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// Links and go-to-definition from cog.yaml: python_requirements to the requirements file, and
/// run/predict/train to the `class Name` line of the Python file (or the file itself when the class is not found).
/// </summary>
public sealed class CogYamlLinkProvider : IDocumentLinkProvider, IDefinitionProvider
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public IEnumerable<DocumentLinkItem> GetLinks(FeatureContext context) =>
        Targets(context).Select(t => new DocumentLinkItem(t.Source, t.Target.Path, null, t.Tooltip));

    public IEnumerable<DefinitionTarget> GetDefinitions(FeatureContext context, int offset) =>
        Targets(context).Where(t => t.Source.Touches(offset)).Select(t => t.Target);

    private static List<(TextSpan Source, DefinitionTarget Target, string Tooltip)> Targets(FeatureContext context)
    {
        var result = new List<(TextSpan, DefinitionTarget, string)>();
        var document = context.Document;
        if (CogYamlTree.Resolve(CogYamlTree.Model(document).Root) is not YamlMapping root)
        {
            return result;
        }

        var requirements = CogYamlTree.LookupPath(root, "build.python_requirements");
        if (requirements?.Value is YamlScalar { IsNull: false } req)
        {
            var path = PathUtil.Resolve(document.Directory, req.Value);
            if (context.Workspace.FileExists(path))
            {
                result.Add((req.ContentSpan, new DefinitionTarget(path, new TextSpan(0, 0)), "Open the requirements file"));
            }
        }

        foreach (var key in new[] { "run", "predict", "train" })
        {
            if (CogYamlTree.Lookup(root, key)?.Value is not YamlScalar { IsNull: false } value || CogFilesAnalyzer.ParseReference(value.Value) is not { } reference)
            {
                continue;
            }

            var path = PathUtil.Resolve(document.Directory, reference.File);
            var module = context.Workspace.GetDocument(path);
            if (module is null)
            {
                continue;
            }

            var classOffset = CogFilesAnalyzer.FindClass(module.Text.Text, reference.Class);
            var target = classOffset is { } o ? new TextSpan(o, reference.Class.Length) : new TextSpan(0, 0);
            result.Add((value.ContentSpan, new DefinitionTarget(path, target), classOffset is null ? $"Open {reference.File}" : $"Go to class {reference.Class}"));
        }

        return result;
    }
}
