using System.Text;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.CogYaml;

/// <summary>Documentation for the cog.yaml key under the cursor (on the key or on its scalar value).</summary>
public sealed class CogYamlHoverProvider : IHoverProvider
{
    public DocumentKind Kind => DocumentKind.CogYaml;

    public HoverResult? GetHover(FeatureContext context, int offset)
    {
        var model = CogYamlTree.Model(context.Document);
        var (parent, entry, _) = CogYamlTree.Locate(model, offset);
        if (entry?.KeyText is not { } name)
        {
            return null;
        }

        var info = CogYamlSchema.Find(parent.Length == 0 ? name : parent + "." + name);
        if (info is null)
        {
            return null;
        }

        var markdown = new StringBuilder();
        markdown.Append("**").Append(info.Path.Replace("[]", "[]", StringComparison.Ordinal)).Append("** — ").Append(Describe(info.Type)).Append("\n\n");
        if (info.DeprecatedInFavourOf is not null)
        {
            markdown.Append("*Deprecated:* use `").Append(info.DeprecatedInFavourOf).Append("` instead.\n\n");
        }

        markdown.Append(info.Summary);
        if (info.Path == "build.cudnn" || info.Path == "build.cuda")
        {
            markdown.Append("\n\nCUDA versions Cog has base images for: ").Append(string.Join(", ", CudaBaseImages.CudaMinorVersions.Reverse()));
        }
        else if (info.Path == "build.sdk_version")
        {
            markdown.Append("\n\n").Append(Cog.CogSdkVersion.Describe(CogYamlTree.GoString(entry.Value)));
        }
        else if (info.Path == "build.python_version")
        {
            markdown.Append("\n\nWhen absent from a cog.yaml without a build section, Cog uses Python ").Append(CogYamlSchema.DefaultPython).Append('.');
        }

        if (info.Example is not null)
        {
            markdown.Append("\n\n```yaml\n").Append(info.Example).Append("\n```");
        }

        return new HoverResult(markdown.ToString(), entry.Key.Span.Touches(offset) ? entry.Key.Span : entry.Value!.Span);
    }

    internal static string Describe(CogYamlValueType type) => type switch
    {
        CogYamlValueType.String => "string",
        CogYamlValueType.Boolean => "boolean",
        CogYamlValueType.Integer => "integer",
        CogYamlValueType.Mapping => "mapping",
        CogYamlValueType.StringList => "list of strings",
        CogYamlValueType.RunList => "list of commands",
        CogYamlValueType.MappingList => "list of mappings",
        _ => "mapping or list of mappings",
    };
}
