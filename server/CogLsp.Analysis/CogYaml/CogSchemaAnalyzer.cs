using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// Keys and value shapes against the schema of Cog at commit 6110c912: unknown keys (COG0101, with a
/// did-you-mean), wrong types (COG0102), keys Cog's decoder drops (COG0103), incomplete build.run items (COG0104).
/// </summary>
public sealed class CogSchemaAnalyzer : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [CogYamlDiagnostics.UnknownKey, CogYamlDiagnostics.WrongType, CogYamlDiagnostics.IgnoredKey, CogYamlDiagnostics.RunItemIncomplete];

    public void Analyze(AnalysisContext context)
    {
        var model = CogYamlTree.Model(context.Document);
        var root = CogYamlTree.Resolve(model.Root);
        if (root is null or YamlScalar { IsNull: true })
        {
            return;
        }

        if (root is not YamlMapping)
        {
            context.Report(CogYamlDiagnostics.WrongType, root.Span, "cog.yaml", "a mapping of keys such as build and run");
            return;
        }

        foreach (var (entry, parent) in CogYamlTree.WalkKeys(model.Root))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (entry.IsMergeKey || !CogYamlSchema.IsKnownMapping(parent))
            {
                continue;
            }

            if (entry.KeyText is not { } name)
            {
                continue;
            }

            var info = CogYamlSchema.Find(parent.Length == 0 ? name : parent + "." + name);
            if (info is null)
            {
                var suggestion = CogYamlSchema.Suggest(parent, name);
                var where = parent.Length == 0 ? "at the top level" : $"in {parent.Replace("[]", "", StringComparison.Ordinal)}";
                var elsewhere = suggestion is null ? FindElsewhere(name, parent) : null;
                var hint = suggestion is not null ? $"; did you mean '{suggestion}'?" : elsewhere is not null ? $" {where}; it belongs in {elsewhere}" : $" {where}";
                var diagnostic = Diagnostic.Create(CogYamlDiagnostics.UnknownKey, context.Document.Path, entry.Key.Span, name, hint);
                context.Report(suggestion is null ? diagnostic : diagnostic.WithProperty("suggestion", suggestion));

                continue;
            }

            if (info.IgnoredByCog)
            {
                context.Report(CogYamlDiagnostics.IgnoredKey, entry.Key.Span, info.Path);
            }

            CheckType(context, info, entry.Value);
        }
    }

    private static string? FindElsewhere(string name, string parent)
    {
        var match = CogYamlSchema.Keys.FirstOrDefault(k => k.Name == name && k.Parent != parent && !k.Parent.Contains('[', StringComparison.Ordinal));
        return match is null ? null : match.Parent.Length == 0 ? "the top level" : match.Parent;
    }

    private static void CheckType(AnalysisContext context, CogYamlKeyInfo info, YamlNode? written)
    {
        var value = CogYamlTree.Resolve(written);
        if (value is null || written is null || value is YamlScalar { IsNull: true })
        {
            return;
        }

        var span = written.Span;
        switch (info.Type)
        {
            case CogYamlValueType.String when value is not YamlScalar:
                context.Report(CogYamlDiagnostics.WrongType, span, info.Path, "a string");
                break;
            case CogYamlValueType.Boolean when CogYamlTree.GoBool(value) is null:
                context.Report(CogYamlDiagnostics.WrongType, span, info.Path, "a boolean: true or false (unquoted)");
                break;
            case CogYamlValueType.Integer when CogYamlTree.GoInt(value) is null:
                context.Report(CogYamlDiagnostics.WrongType, span, info.Path, "a whole number (unquoted)");
                break;
            case CogYamlValueType.Mapping when value is not YamlMapping:
                context.Report(CogYamlDiagnostics.WrongType, span, info.Path, "a mapping");
                break;
            case CogYamlValueType.StringList:
                CheckList(context, info, value, span, allowMappings: false);
                break;
            case CogYamlValueType.RunList:
                CheckList(context, info, value, span, allowMappings: true);
                if (value is YamlSequence runs)
                {
                    foreach (var item in runs.Items)
                    {
                        CheckRunItem(context, CogYamlTree.Resolve(item) as YamlMapping, item);
                    }
                }

                break;
            case CogYamlValueType.MappingList:
                if (value is not YamlSequence list)
                {
                    context.Report(CogYamlDiagnostics.WrongType, span, info.Path, "a list of mappings");
                }
                else
                {
                    foreach (var item in list.Items)
                    {
                        if (CogYamlTree.Resolve(item) is not (YamlMapping or null or YamlScalar { IsNull: true }))
                        {
                            context.Report(CogYamlDiagnostics.WrongType, item.Span, info.Path + " item", "a mapping");
                        }
                    }
                }

                break;
            case CogYamlValueType.MappingOrMappingList when value is not (YamlMapping or YamlSequence):
                context.Report(CogYamlDiagnostics.WrongType, span, info.Path, "a mapping or a list of mappings");
                break;
        }
    }

    private static void CheckList(AnalysisContext context, CogYamlKeyInfo info, YamlNode value, Syntax.Text.TextSpan span, bool allowMappings)
    {
        if (value is not YamlSequence sequence)
        {
            context.Report(CogYamlDiagnostics.WrongType, span, info.Path, allowMappings ? "a list of commands" : "a list of strings (one `- item` per line)");
            return;
        }

        foreach (var item in sequence.Items)
        {
            var resolved = CogYamlTree.Resolve(item);
            if (resolved is YamlSequence || (resolved is YamlMapping && !allowMappings))
            {
                context.Report(CogYamlDiagnostics.WrongType, item.Span, info.Path + " item", "a string");
            }
        }
    }

    private static void CheckRunItem(AnalysisContext context, YamlMapping? item, YamlNode written)
    {
        if (item is null)
        {
            return;
        }

        if (CogYamlTree.IsNull(CogYamlTree.Lookup(item, "command")?.Value))
        {
            context.Report(CogYamlDiagnostics.RunItemIncomplete, written.Span, "A build.run item written as a mapping needs a 'command'");
        }

        if (CogYamlTree.Resolve(CogYamlTree.Lookup(item, "mounts")?.Value) is not YamlSequence mounts)
        {
            return;
        }

        foreach (var mountNode in mounts.Items)
        {
            if (CogYamlTree.Resolve(mountNode) is not YamlMapping mount)
            {
                continue;
            }

            foreach (var field in new[] { "type", "id", "target" })
            {
                if (CogYamlTree.GoString(CogYamlTree.Lookup(mount, field)?.Value) is null)
                {
                    context.Report(CogYamlDiagnostics.RunItemIncomplete, mountNode.Span, $"This mount needs '{field}'");
                }
            }

            var type = CogYamlTree.Lookup(mount, "type");
            if (CogYamlTree.GoString(type?.Value) is { } t && t != "secret")
            {
                context.Report(CogYamlDiagnostics.RunItemIncomplete, type!.Value!.Span, $"Mount type '{t}' is not supported; Cog supports only 'secret'");
            }
        }
    }
}
