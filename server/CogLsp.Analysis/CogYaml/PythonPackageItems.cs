using System.Collections.Immutable;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// The items of build.python_packages in a cog.yaml, in the order and with the values Cog reads them
/// (<see cref="CogYamlTree.GoStringList"/>, the list the resolver also reads, so indexes agree), each
/// with the map from its value into the document. Memoised per document text.
/// </summary>
public static class PythonPackageItems
{
    private static readonly object Key = new();

    public static ImmutableArray<PythonPackageItem> Get(Document cogYaml) =>
        cogYaml.GetOrAdd(Key, d => new Box(Compute(d))).Items;

    /// <summary>The item whose written node holds <paramref name="offset"/> (its ends included), or null.</summary>
    public static PythonPackageItem? At(Document cogYaml, int offset)
    {
        foreach (var item in Get(cogYaml))
        {
            if (item.Node.Span.Touches(offset))
            {
                return item;
            }
        }

        return null;
    }

    private static ImmutableArray<PythonPackageItem> Compute(Document document)
    {
        var model = CogYamlTree.Model(document);
        var build = CogYamlTree.Lookup(CogYamlTree.Resolve(model.Root), "build")?.Value;
        if (CogYamlTree.GoStringList(CogYamlTree.Lookup(build, "python_packages")?.Value) is not { } list)
        {
            return [];
        }

        var items = ImmutableArray.CreateBuilder<PythonPackageItem>(list.Count);
        for (var i = 0; i < list.Count; i++)
        {
            var (value, node) = list[i];
            items.Add(new PythonPackageItem(i, value, node, YamlScalarMap.Create(document.Text, node, value)));
        }

        return items.ToImmutable();
    }

    private sealed record Box(ImmutableArray<PythonPackageItem> Items);
}
