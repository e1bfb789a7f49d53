using System.Text.Json;
using System.Text.Json.Serialization;
using CogLsp.Server.Protocol;

namespace CogLsp.Server.Rpc;

/// <summary>
/// Serialisation code generated at build time for the messages sent on every keystroke (diagnostics),
/// with the same settings as <see cref="LspJson"/>; everything else uses the reflection-based resolver.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = false, UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(DocumentDiagnosticReport))]
internal sealed partial class LspJsonContext : JsonSerializerContext;
