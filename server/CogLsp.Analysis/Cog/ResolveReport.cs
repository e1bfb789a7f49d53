using System.Text;
using System.Text.Json;

namespace CogLsp.Analysis.Cog;

/// <summary>
/// Renders a <see cref="CogResolution"/> for `cog-lsp resolve`. Pure functions returning strings;
/// the CLI writes them. Exit code 1 where Cog would fail (the error text goes to stderr), else 0.
/// </summary>
public static class ResolveReport
{
    /// <summary>Text form: the requirements Cog installs on stdout (<see cref="CogBuildPreview.GeneratedRequirements"/>, as the preview shows them); CUDA, cuDNN, base image, warnings and error on stderr.</summary>
    public static (string Stdout, string Stderr, int ExitCode) RenderText(CogResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var stdout = CogBuildPreview.GeneratedRequirements(resolution);
        var stderr = new StringBuilder();
        foreach (var warning in resolution.Warnings)
        {
            stderr.Append("warning: ").Append(warning.Text).Append('\n');
        }

        if (resolution.Error is not null)
        {
            stderr.Append("error: ").Append(resolution.Error).Append('\n');
            return (stdout, stderr.ToString(), 1);
        }

        stderr.Append("cuda: ").Append(resolution.Cuda ?? "(none)").Append('\n');
        stderr.Append("cudnn: ").Append(resolution.Cudnn ?? "(none)").Append('\n');
        stderr.Append("base_image: ").Append(resolution.BaseImage ?? "(none)").Append('\n');
        if (resolution.CogBaseImage is not null)
        {
            stderr.Append("cog_base_image: ").Append(resolution.CogBaseImage).Append(" (used instead when the registry has it)\n");
        }

        return (stdout, stderr.ToString(), 0);
    }

    /// <summary>JSON form: {"requirements": [...], "cuda", "cudnn", "base_image", "cog_base_image", "warnings": [...], "error"}.</summary>
    public static (string Json, int ExitCode) RenderJson(CogResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("requirements");
            foreach (var line in resolution.RequirementLines)
            {
                writer.WriteStringValue(line);
            }

            writer.WriteEndArray();
            WriteNullable(writer, "cuda", resolution.Cuda);
            WriteNullable(writer, "cudnn", resolution.Cudnn);
            WriteNullable(writer, "base_image", resolution.BaseImage);
            WriteNullable(writer, "cog_base_image", resolution.CogBaseImage);
            writer.WriteStartArray("warnings");
            foreach (var warning in resolution.Warnings)
            {
                writer.WriteStringValue(warning.Text);
            }

            writer.WriteEndArray();
            WriteNullable(writer, "error", resolution.Error);
            writer.WriteEndObject();
        }

        return (Encoding.UTF8.GetString(buffer.ToArray()) + "\n", resolution.Error is null ? 0 : 1);
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
