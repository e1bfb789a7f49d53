using System.Collections.Immutable;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;

namespace CogLsp.Analysis.CogYaml.BuildRun;

/// <summary>
/// The commands of build.run and build.pre_install in the order Cog 6110c912 runs them
/// (StandardGenerator.runCommands: run items, then pre_install items, each as `RUN command`, after the
/// requirements and Cog's own SDK are installed). A run item is a string or a mapping with a `command`
/// (config.RunItem); items of any other shape are left to the schema rules. Memoised per document text.
/// </summary>
public static class RunCommandItems
{
    private static readonly object Key = new();

    public static ImmutableArray<RunCommandItem> Get(Document cogYaml) =>
        cogYaml.GetOrAdd(Key, d => new Box(Compute(d))).Items;

    /// <summary>The item whose written command holds <paramref name="offset"/> (its ends included), or null.</summary>
    public static RunCommandItem? At(Document cogYaml, int offset)
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

    private static ImmutableArray<RunCommandItem> Compute(Document document)
    {
        var model = CogYamlTree.Model(document);
        var build = CogYamlTree.Lookup(CogYamlTree.Resolve(model.Root), "build")?.Value;
        var items = ImmutableArray.CreateBuilder<RunCommandItem>();
        if (CogYamlTree.Resolve(CogYamlTree.Lookup(build, "run")?.Value) is YamlSequence runs)
        {
            for (var i = 0; i < runs.Items.Length; i++)
            {
                var written = runs.Items[i];
                var node = CogYamlTree.Resolve(written) is YamlMapping mapping ? CogYamlTree.Lookup(mapping, "command")?.Value : written;
                if (node is not null && CogYamlTree.GoString(node) is { Length: > 0 } command)
                {
                    items.Add(new RunCommandItem(items.Count, "run", i, command, node, YamlScalarMap.Create(document.Text, node, command)));
                }
            }
        }

        if (CogYamlTree.GoStringList(CogYamlTree.Lookup(build, "pre_install")?.Value) is { } preInstall)
        {
            for (var i = 0; i < preInstall.Count; i++)
            {
                var (command, node) = preInstall[i];
                if (command.Length > 0)
                {
                    items.Add(new RunCommandItem(items.Count, "pre_install", i, command, node, YamlScalarMap.Create(document.Text, node, command)));
                }
            }
        }

        return items.ToImmutable();
    }

    private sealed record Box(ImmutableArray<RunCommandItem> Items);
}
