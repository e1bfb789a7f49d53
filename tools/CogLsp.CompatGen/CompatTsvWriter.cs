using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CogLsp.CompatGen;

/// <summary>
/// Turns Cog's JSON compatibility matrices into the product's TSV files. The output is a pure
/// function of the JSON text, the commit and the date, so a test can regenerate it and compare
/// with the embedded files. Rows keep the JSON order (Cog breaks ties by order); a null CUDA
/// becomes an empty field; lists are comma-joined.
/// </summary>
public static class CompatTsvWriter
{
    public static string Torch(string json, string commit, string date) =>
        Write(json, commit, date, "pkg/config/torch_compatibility.json",
            ["torch", "torchvision", "torchaudio", "find_links", "extra_index_url", "cuda", "pythons"],
            ["Torch", "Torchvision", "Torchaudio", "FindLinks", "ExtraIndexURL", "CUDA", "Pythons"]);

    public static string TensorFlow(string json, string commit, string date) =>
        Write(json, commit, date, "pkg/config/tf_compatibility.json",
            ["tf", "cpu_package", "gpu_package", "cuda", "cudnn", "pythons"],
            ["TF", "TFCPUPackage", "TFGPUPackage", "CUDA", "CuDNN", "Pythons"]);

    public static string CudaImages(string json, string commit, string date) =>
        Write(json, commit, date, "pkg/config/cuda_compatibility.json",
            ["tag", "cuda", "cudnn", "is_devel", "ubuntu"],
            ["Tag", "CUDA", "CuDNN", "IsDevel", "Ubuntu"]);

    private static string Write(string json, string commit, string date, string source, string[] columns, string[] keys)
    {
        var output = new StringBuilder();
        output.Append("#provenance\tcog\t").Append(commit).Append('\t').Append(date).Append('\t').Append(source).Append('\n');
        output.Append("#columns\t").Append(string.Join('\t', columns)).Append('\n');
        using var document = JsonDocument.Parse(json);
        foreach (var row in document.RootElement.EnumerateArray())
        {
            var fields = keys.Select(key => row.TryGetProperty(key, out var value) ? Field(value) : string.Empty);
            output.Append(string.Join('\t', fields)).Append('\n');
        }

        return output.ToString();
    }

    private static string Field(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.Null => string.Empty,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Array => string.Join(',', value.EnumerateArray().Select(Field)),
            JsonValueKind.Number => value.GetRawText(),
            _ => value.GetString() ?? string.Empty,
        };
        if (text.IndexOfAny(['\t', '\n', '\r', ',']) >= 0 && value.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"Value cannot be written as a TSV field: {text}"));
        }

        return text;
    }
}
