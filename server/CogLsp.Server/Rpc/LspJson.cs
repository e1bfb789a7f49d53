using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CogLsp.Server.Rpc;

/// <summary>The one serializer configuration of the wire: camelCase, nulls omitted, unknown fields ignored.</summary>
public static class LspJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,

            // The default encoder (it escapes HTML-sensitive and non-ASCII characters, which is still plain
            // JSON): any other encoder turns off the generated fast path, which serialises a diagnostics
            // message in about two thirds of the time.
        };

        // Generated code only, no reflection: what the tests exercise is what a trimmed or Native AOT build runs.
        options.TypeInfoResolver = LspJsonContext.Default;
        return options;
    }

    public static T? Deserialize<T>(JsonElement? element) =>
        element is null || element.Value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
            ? default
            : element.Value.Deserialize(TypeInfo<T>());

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, TypeInfo<T>());

    /// <summary>The generated metadata of <typeparamref name="T"/>; throws NotSupportedException for a type the context does not list.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
