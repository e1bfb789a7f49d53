using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Text;

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
                context.Report(suggestion is null ? diagnostic : diagnostic.WithData(new ReplacementData(suggestion)));

                continue;
            }

            if (info.IgnoredByCog)
            {
                context.Report(CogYamlDiagnostics.IgnoredKey, entry.Key.Span, info.Path);
            }

        }

        // Values of the wrong type stop Cog's decoder, incomplete build.run items its schema check: they are
        // reported from the build stoppers.
        foreach (var stopper in Cog.CogBuildStoppers.InCogYaml(context.Document))
        {
            if (stopper.Shown && (ReferenceEquals(stopper.Descriptor, CogYamlDiagnostics.WrongType) || ReferenceEquals(stopper.Descriptor, CogYamlDiagnostics.RunItemIncomplete)))
            {
                context.Report(stopper.ToDiagnostic());
            }
        }
    }

    private static string? FindElsewhere(string name, string parent)
    {
        var match = CogYamlSchema.Keys.FirstOrDefault(k => k.Name == name && k.Parent != parent && !k.Parent.Contains('[', StringComparison.Ordinal));
        return match is null ? null : match.Parent.Length == 0 ? "the top level" : match.Parent;
    }

    /// <summary>A value Go's decoder cannot put into its field: where, the key, what it must be, and the Go type.</summary>
    internal sealed record TypeError(TextSpan Span, string Path, string Expected, YamlNode Value, string GoType);

    /// <summary>
    /// Every value of a known key whose shape Cog's Go decoder refuses, in document order. Reported by
    /// <see cref="CogLsp.Analysis.Cog.CogBuildStoppers"/> (a decode error stops `cog build`).
    /// </summary>
    internal static ImmutableArray<TypeError> TypeErrors(CogYamlDocument model)
    {
        var errors = ImmutableArray.CreateBuilder<TypeError>();
        if (CogYamlTree.Resolve(model.Root) is not YamlMapping)
        {
            return [];
        }

        foreach (var (entry, parent) in CogYamlTree.WalkKeys(model.Root))
        {
            if (entry.IsMergeKey || !CogYamlSchema.IsKnownMapping(parent) || entry.KeyText is not { } name
                || CogYamlSchema.Find(parent.Length == 0 ? name : parent + "." + name) is not { } info)
            {
                continue;
            }

            CheckType(errors, info, entry.Value);
        }

        errors.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return errors.ToImmutable();
    }

    private static void CheckType(ImmutableArray<TypeError>.Builder errors, CogYamlKeyInfo info, YamlNode? written)
    {
        var value = CogYamlTree.Resolve(written);
        if (value is null || written is null || value is YamlScalar { IsNull: true })
        {
            return;
        }

        void Add(YamlNode at, string path, string expected, string goType) => errors.Add(new TypeError(at.Span, path, expected, CogYamlTree.Resolve(at) ?? at, goType));

        switch (info.Type)
        {
            case CogYamlValueType.String when value is not YamlScalar:
                Add(written, info.Path, "a string", "string");
                break;
            case CogYamlValueType.Boolean when CogYamlTree.GoBool(value) is null:
                Add(written, info.Path, "a boolean: true or false (unquoted)", "bool");
                break;
            case CogYamlValueType.Integer when CogYamlTree.GoInt(value) is null:
                Add(written, info.Path, "a whole number (unquoted)", "int");
                break;
            case CogYamlValueType.Mapping when value is not YamlMapping:
                Add(written, info.Path, "a mapping", GoStructName(info.Path));
                break;
            case CogYamlValueType.StringList:
                CheckList(errors, info, value, written, allowMappings: false);
                break;
            case CogYamlValueType.RunList:
                CheckList(errors, info, value, written, allowMappings: true);
                break;
            case CogYamlValueType.MappingList:
                if (value is not YamlSequence list)
                {
                    Add(written, info.Path, "a list of mappings", "[]" + GoStructName(info.Path));
                }
                else
                {
                    foreach (var item in list.Items)
                    {
                        if (CogYamlTree.Resolve(item) is not (YamlMapping or null or YamlScalar { IsNull: true }))
                        {
                            Add(item, info.Path + " item", "a mapping", GoStructName(info.Path));
                        }
                    }
                }

                break;
            case CogYamlValueType.MappingOrMappingList when value is not (YamlMapping or YamlSequence):
                Add(written, info.Path, "a mapping or a list of mappings", "config.WeightSourceList");
                break;
        }
    }

    /// <summary>The Go type Cog decodes a mapping-valued key into (as Go's decoder names it in its errors).</summary>
    private static string GoStructName(string path) => path switch
    {
        "build" => "config.buildFile",
        "concurrency" => "config.concurrencyFile",
        "weights" => "config.weightFile",
        "build.run[].mounts" => "config.mountFile",
        _ => "map[string]interface {}",
    };

    private static void CheckList(ImmutableArray<TypeError>.Builder errors, CogYamlKeyInfo info, YamlNode value, YamlNode written, bool allowMappings)
    {
        if (value is not YamlSequence sequence)
        {
            errors.Add(new TypeError(written.Span, info.Path, allowMappings ? "a list of commands" : "a list of strings (one `- item` per line)", value, allowMappings ? "[]config.runItemFile" : "[]string"));
            return;
        }

        foreach (var item in sequence.Items)
        {
            var resolved = CogYamlTree.Resolve(item);
            if (resolved is YamlSequence || (resolved is YamlMapping && !allowMappings))
            {
                errors.Add(new TypeError(item.Span, info.Path + " item", "a string", resolved, allowMappings ? "config.runItemFile" : "string"));
            }
        }
    }
}
