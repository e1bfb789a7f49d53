using System.Collections.Immutable;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// The outline of cog.yaml: every mapping key, nested as written, with scalar values as detail and list
/// items of python_packages/system_packages as children. The model's depth bound keeps recursion shallow.
/// </summary>
public sealed class CogYamlOutlineProvider : IOutlineProvider
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public IEnumerable<OutlineItem> GetOutline(FeatureContext context) =>
        CogYamlTree.Model(context.Document).Root is YamlMapping root ? Items(root, "") : [];

    private static ImmutableArray<OutlineItem> Items(YamlMapping mapping, string parent)
    {
        var result = ImmutableArray.CreateBuilder<OutlineItem>();
        foreach (var entry in mapping.Entries)
        {
            if (entry.KeyText is not { } name)
            {
                continue;
            }

            var path = parent.Length == 0 ? name : parent + "." + name;
            var detail = entry.Value is YamlScalar { IsNull: false } s ? s.Value : entry.Value is YamlAlias a ? "*" + a.Name : null;
            var kind = entry.Value is YamlMapping ? OutlineKind.Section : path is "run" or "predict" or "train" ? OutlineKind.Class : OutlineKind.Key;
            var children = entry.Value switch
            {
                YamlMapping child => Items(child, path),
                YamlSequence sequence => sequence.Items.Select((item, i) => Item(item, path, i)).OfType<OutlineItem>().ToImmutableArray(),
                _ => [],
            };

            result.Add(new OutlineItem(name, detail, kind, entry.Span, entry.Key.Span) { Children = children });
        }

        return result.ToImmutable();
    }

    private static OutlineItem? Item(YamlNode item, string path, int index) => item switch
    {
        YamlScalar { IsNull: false } scalar => new OutlineItem(scalar.Value, null, path.EndsWith("packages", StringComparison.Ordinal) ? OutlineKind.Package : OutlineKind.Key, scalar.Span, scalar.Span),
        YamlMapping mapping => new OutlineItem($"[{index}]", null, OutlineKind.Section, mapping.Span, new Syntax.Text.TextSpan(mapping.Span.Start, 0)) { Children = Items(mapping, path + "[]") },
        _ => null,
    };
}
