using System.Collections.Immutable;
using CogLsp.Analysis.CogYaml;
using CogLsp.Syntax.CogYaml;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// Which mappings Go's YAML decoder (go.yaml.in/yaml/v4, as yaml.v3) visits when it decodes cog.yaml
/// into Cog's configFile. It checks every visited mapping for a key written twice before anything in it,
/// adds "mapping key … already defined" to its construct errors and then skips that mapping entirely.
/// It never visits the value of a key its struct has no field for, nor what lies inside a mapping
/// written where a string or a number belongs, so duplicates there do not stop the build.
/// </summary>
public static partial class CogBuildStoppers
{
    /// <summary>Where the decoder stands: a struct (by schema path), a value decoded into `any` (build.run items), or a typed leaf.</summary>
    private enum DecodeShape
    {
        Struct,
        Any,
        Leaf,
        StringList,
        AnyList,
        StructList,
    }

    /// <summary>The duplicate keys the decoder reports, and the mappings it skips because of them.</summary>
    private static (ImmutableArray<YamlDuplicateKey> Reported, ImmutableArray<YamlMapping> Skipped) DecodedDuplicates(CogYamlDocument model)
    {
        var reported = ImmutableArray.CreateBuilder<YamlDuplicateKey>();
        var skipped = ImmutableArray.CreateBuilder<YamlMapping>();
        if (model.DuplicateKeys.IsEmpty)
        {
            return ([], []);
        }

        var byMapping = model.DuplicateKeys.GroupBy(d => d.Mapping).ToDictionary(g => g.Key, g => g.ToList());
        var visited = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);

        void Walk(YamlNode? written, DecodeShape shape, string path, int depth)
        {
            var node = CogYamlTree.Resolve(written);
            if (node is null || depth > 64)
            {
                return;
            }

            if (node is YamlMapping mapping)
            {
                if (byMapping.TryGetValue(mapping, out var duplicates))
                {
                    if (visited.Add(mapping))
                    {
                        reported.AddRange(duplicates);
                        skipped.Add(mapping);
                    }

                    return;
                }

                foreach (var entry in mapping.Entries)
                {
                    if (shape == DecodeShape.Any)
                    {
                        Walk(entry.Value, DecodeShape.Any, path, depth + 1);
                    }
                    else if (shape == DecodeShape.Struct && entry.KeyText is { } key && !entry.IsMergeKey
                        && CogYamlSchema.Find(path.Length == 0 ? key : path + "." + key) is { IgnoredByCog: false } info)
                    {
                        Walk(entry.Value, ShapeOf(info.Type), info.Path + (info.Type == CogYamlValueType.MappingList ? "[]" : ""), depth + 1);
                    }
                }

                return;
            }

            if (node is YamlSequence sequence && shape is DecodeShape.Any or DecodeShape.StringList or DecodeShape.AnyList or DecodeShape.StructList)
            {
                var itemShape = shape switch
                {
                    DecodeShape.StructList => DecodeShape.Struct,
                    DecodeShape.StringList => DecodeShape.Leaf,
                    _ => DecodeShape.Any,
                };
                foreach (var item in sequence.Items)
                {
                    Walk(item, itemShape, path, depth + 1);
                }
            }
        }

        Walk(model.Root, DecodeShape.Struct, "", 0);
        return (reported.ToImmutable(), skipped.ToImmutable());
    }

    // build.run items are decoded into `any` by runItemFile's UnmarshalYAML; a weights source goes through
    // WeightSourceList's, which decodes its mappings too.
    private static DecodeShape ShapeOf(CogYamlValueType type) => type switch
    {
        CogYamlValueType.Mapping => DecodeShape.Struct,
        CogYamlValueType.StringList => DecodeShape.StringList,
        CogYamlValueType.RunList => DecodeShape.AnyList,
        CogYamlValueType.MappingList => DecodeShape.StructList,
        CogYamlValueType.MappingOrMappingList => DecodeShape.Any,
        _ => DecodeShape.Leaf,
    };
}
