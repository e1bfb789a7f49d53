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

        // Generated code first for the hot messages; reflection for the rest.
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(LspJsonContext.Default, new DefaultJsonTypeInfoResolver());
        return options;
    }

    public static T? Deserialize<T>(JsonElement? element) =>
        element is null || element.Value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
            ? default
            : element.Value.Deserialize<T>(Options);

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);
}
