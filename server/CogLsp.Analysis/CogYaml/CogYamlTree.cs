using System.Text.RegularExpressions;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.CogYaml;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// Reading the positioned model the way Cog's Go decoder reads the file: aliases resolved, merge keys
/// (`&lt;&lt;`) applied (written keys win over merged ones, earlier merges over later ones), null scalars
/// treated as absent. Every walk is bounded, so alias tricks cannot make it loop or blow up.
/// </summary>
internal static partial class CogYamlTree
{
    private const int MaxAliasHops = 64;
    private const int MaxMergeVisits = 256;

    /// <summary>The model of a cog.yaml, parsed once per text.</summary>
    public static CogYamlDocument Model(Document document) =>
        document.GetOrAdd(typeof(CogYamlDocument), d => CogYamlDocument.Parse(d.Text));

    public static YamlNode? Resolve(YamlNode? node)
    {
        for (var i = 0; i < MaxAliasHops && node is YamlAlias alias; i++)
        {
            node = alias.Target;
        }

        return node is YamlAlias ? null : node;
    }

    /// <summary>True when the node is absent or a null scalar (Go leaves the field unset).</summary>
    public static bool IsNull(YamlNode? node) => Resolve(node) is null or YamlScalar { IsNull: true };

    /// <summary>The entry for <paramref name="key"/> in the mapping, following merge keys; null when absent.</summary>
    public static YamlEntry? Lookup(YamlNode? mapping, string key)
    {
        var visits = 0;
        return Lookup(Resolve(mapping) as YamlMapping, key, ref visits);
    }

    private static YamlEntry? Lookup(YamlMapping? mapping, string key, ref int visits)
    {
        if (mapping is null || ++visits > MaxMergeVisits)
        {
            return null;
        }

        var written = mapping.Find(key);
        if (written is not null)
        {
            return written;
        }

        foreach (var entry in mapping.Entries)
        {
            if (!entry.IsMergeKey)
            {
                continue;
            }

            var value = Resolve(entry.Value);
            var sources = value is YamlSequence sequence ? sequence.Items.Select(Resolve) : [value];
            foreach (var source in sources)
            {
                var found = Lookup(source as YamlMapping, key, ref visits);
                if (found is not null)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>The value at a dotted path such as "build.python_version", or null.</summary>
    public static YamlEntry? LookupPath(YamlNode? root, string path)
    {
        YamlEntry? entry = null;
        var node = root;
        foreach (var part in path.Split('.'))
        {
            entry = Lookup(node, part);
            if (entry is null)
            {
                return null;
            }

            node = entry.Value;
        }

        return entry;
    }

    /// <summary>A scalar's text as Go decodes it into a string field; null for absent, null or non-scalar values.</summary>
    public static string? GoString(YamlNode? node) => Resolve(node) is YamlScalar { IsNull: false } scalar ? scalar.Value : null;

    /// <summary>Go's decoding of a scalar into a bool field: YAML booleans plus YAML 1.1's yes/no/on/off/y/n.</summary>
    public static bool? GoBool(YamlNode? node)
    {
        if (Resolve(node) is not YamlScalar { IsPlain: true } scalar)
        {
            return null;
        }

        return scalar.Value switch
        {
            "true" or "True" or "TRUE" or "y" or "Y" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" => true,
            "false" or "False" or "FALSE" or "n" or "N" or "no" or "No" or "NO" or "off" or "Off" or "OFF" => false,
            _ => null,
        };
    }

    /// <summary>Go's decoding of a plain scalar into an int field (decimal, 0x, 0o, 0b, underscores allowed).</summary>
    public static long? GoInt(YamlNode? node)
    {
        if (Resolve(node) is not YamlScalar { IsPlain: true } scalar || !IntPattern().IsMatch(scalar.Value))
        {
            return null;
        }

        var text = scalar.Value.Replace("_", "");
        var negative = text.StartsWith('-');
        text = text.TrimStart('+', '-');
        try
        {
            long value = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? Convert.ToInt64(text[2..], 16)
                : text.StartsWith("0o", StringComparison.OrdinalIgnoreCase) ? Convert.ToInt64(text[2..], 8)
                : text.StartsWith("0b", StringComparison.OrdinalIgnoreCase) ? Convert.ToInt64(text[2..], 2)
                : long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            return negative ? -value : value;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>The items of a list value as Go decodes it into []string (null items become ""); null when not a list.</summary>
    public static List<(string Value, YamlNode Node)>? GoStringList(YamlNode? node)
    {
        if (Resolve(node) is not YamlSequence sequence)
        {
            return null;
        }

        var result = new List<(string, YamlNode)>(sequence.Items.Length);
        foreach (var item in sequence.Items)
        {
            if (Resolve(item) is YamlScalar scalar)
            {
                result.Add((scalar.IsNull ? "" : scalar.Value, item));
            }
        }

        return result;
    }

    /// <summary>
    /// Every written key with the schema path of the mapping it is in ("" top level, "build", "build.run[]",
    /// "weights[].source", …). Iterative, in document order; aliases are not entered (their keys are
    /// checked where they are written).
    /// </summary>
    public static IEnumerable<(YamlEntry Entry, string Parent)> WalkKeys(YamlNode? root)
    {
        if (root is null)
        {
            yield break;
        }

        var stack = new Stack<(YamlNode Node, string Path)>();
        stack.Push((root, ""));
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            switch (node)
            {
                case YamlMapping mapping:
                    var children = new List<(YamlNode, string)>();
                    foreach (var entry in mapping.Entries)
                    {
                        yield return (entry, path);
                        if (entry.Value is not null && entry.KeyText is { } key && !entry.IsMergeKey)
                        {
                            children.Add((entry.Value, path.Length == 0 ? key : path + "." + key));
                        }
                    }

                    for (var i = children.Count - 1; i >= 0; i--)
                    {
                        stack.Push(children[i]);
                    }

                    break;
                case YamlSequence sequence:
                    var itemPath = path == "weights[].source" ? path : path + "[]";
                    for (var i = sequence.Items.Length - 1; i >= 0; i--)
                    {
                        stack.Push((sequence.Items[i], itemPath));
                    }

                    break;
            }
        }
    }

    /// <summary>The schema path of the mapping that encloses <paramref name="offset"/>, and the entry the offset is in (if any).</summary>
    public static (string Parent, YamlEntry? Entry, bool InValue) Locate(CogYamlDocument model, int offset)
    {
        (string, YamlEntry?, bool) best = ("", null, false);
        var bestStart = -1;
        foreach (var (entry, parent) in WalkKeys(model.Root))
        {
            if (entry.Key.Span.Touches(offset) && entry.Key.Span.Start >= bestStart)
            {
                best = (parent, entry, false);
                bestStart = entry.Key.Span.Start;
            }
            else if (entry.Value is { } value && !value.Span.IsEmpty && value.Span.Touches(offset) && value.Span.Start >= bestStart && value is YamlScalar or YamlAlias)
            {
                best = (parent, entry, true);
                bestStart = value.Span.Start;
            }
        }

        return best;
    }

    [GeneratedRegex(@"^[-+]?(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|[0-9][0-9_]*)$")]
    private static partial Regex IntPattern();
}
