using System.Text.Json;
using System.Text.Json.Serialization;
using CogLsp.Server.Protocol;

namespace CogLsp.Server.Rpc;

/// <summary>
/// Serialisation code generated at build time for the messages of every keystroke (the change, the diagnostics),
/// with the same settings as <see cref="LspJson"/> (which must stay the same, or serialisation falls back to
/// the slower metadata path); everything else uses the reflection-based resolver.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = false, UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip)]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(DocumentDiagnosticReport))]
internal sealed partial class LspJsonContext : JsonSerializerContext;
