using CogLsp.Analysis.CogYaml;
using CogLsp.Analysis.CogYaml.BuildRun;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Indexes;

/// <summary>
/// Versions after a version operator inside a build.python_packages item, as after the same text on a
/// requirements line (<see cref="IndexCompletionProvider"/>), from the indexes of the file Cog generates; and
/// inside a requirement argument of a build.run `pip install`, from that command's indexes.
/// Offered only where the scalar (and the shell word) maps exactly, so the version typed so far is what is replaced and
/// the text around it (quotes, the rest of the item) stays as it is.
/// </summary>
public sealed class CogYamlIndexCompletionProvider : ICompletionProvider
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public IEnumerable<CompletionItem> GetCompletions(FeatureContext context, int offset) =>
        PythonPackageItems.At(context.Document, offset) is { } item ? InItem(context, item, offset)
        : RunCommandItems.At(context.Document, offset) is { } run ? InRunArgument(context, run, offset)
        : [];

    private static IEnumerable<CompletionItem> InItem(FeatureContext context, PythonPackageItem item, int offset)
    {
        if (CogYamlIndexLookups.Plan(context.Workspace, context.Document) is not { } plan || item.ValueIndexAt(offset) is not { } index)
        {
            return [];
        }

        // The item's text before the cursor, on the line of it pip reads (an item may hold line breaks).
        var before = item.Value[..index];
        var lineStart = before.LastIndexOf('\n') + 1;
        if (IndexCompletionProvider.Split(before[lineStart..]) is not ({ } name, var versionStart)
            || !item.Map.TryMap(TextSpan.FromBounds(lineStart + versionStart, index), out var replace))
        {
            return [];
        }

        return IndexCompletionProvider.Versions(context.Workspace, plan, name, replace);
    }

    /// <summary>In a requirement argument of a build.run `pip install`, from that command's indexes; the version typed so far must be written as is (no shell quote inside it).</summary>
    private static IEnumerable<CompletionItem> InRunArgument(FeatureContext context, RunCommandItem item, int offset)
    {
        if (item.ValueIndexAt(offset) is not { } index)
        {
            return [];
        }

        foreach (var pip in item.Pip)
        {
            foreach (var argument in pip.Arguments)
            {
                if (!argument.Span.Touches(index) || argument.HasExpansion)
                {
                    continue;
                }

                // The argument's characters before the cursor (a closing quote right before it counts as after them).
                var at = 0;
                while (at < argument.Offsets.Length && argument.Offsets[at] < index)
                {
                    at++;
                }

                var version = IndexCompletionProvider.Split(argument.Value[..at]) is ({ } name, var versionStart) ? (name, TextSpan.FromBounds(versionStart, at)) : default;
                if (version.name is null || !argument.IsWrittenAsIs(version.Item2)
                    || !item.Map.TryMap(argument.MapValueSpan(version.Item2), out var replace)
                    || BuildRunIndexLookups.PlanFor(context.Workspace, context.Document, pip) is not { } plan)
                {
                    return [];
                }

                return IndexCompletionProvider.Versions(context.Workspace, plan, version.name, replace);
            }
        }

        return [];
    }
}
