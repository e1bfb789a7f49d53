using System.Text.Json;

namespace CogLsp.Server.Session;

/// <summary>Reads the few client capability flags the server acts on, from the raw initialize parameters.</summary>
public sealed class ClientCapabilities(JsonElement? root)
{
    private readonly JsonElement? _root = root;

    public static ClientCapabilities None { get; } = new(null);

    public bool Has(params string[] path) => Get(path) is { ValueKind: JsonValueKind.True };

    public JsonElement? Get(params string[] path)
    {
        if (_root is not { ValueKind: JsonValueKind.Object } current)
        {
            return null;
        }

        foreach (var segment in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    public IReadOnlyList<string> Strings(params string[] path) =>
        Get(path) is { ValueKind: JsonValueKind.Array } array
            ? array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];

    public bool SupportsPullDiagnostics => Get("textDocument", "diagnostic") is { ValueKind: JsonValueKind.Object };

    public bool SupportsDiagnosticRefresh => Has("workspace", "diagnostics", "refreshSupport");

    public bool SupportsCodeLensRefresh => Has("workspace", "codeLens", "refreshSupport");

    public bool SupportsConfiguration => Has("workspace", "configuration");

    public bool SupportsWatchedFilesRegistration => Has("workspace", "didChangeWatchedFiles", "dynamicRegistration");

    public bool SupportsDocumentChanges => Has("workspace", "workspaceEdit", "documentChanges");

    public bool SupportsCreateFile => Strings("workspace", "workspaceEdit", "resourceOperations").Contains("create");

    public bool SupportsApplyEdit => Has("workspace", "applyEdit");

    public bool SupportsCodeActionResolve => Strings("textDocument", "codeAction", "resolveSupport", "properties").Contains("edit");

    public bool SupportsCodeActionLiterals => Get("textDocument", "codeAction", "codeActionLiteralSupport") is { ValueKind: JsonValueKind.Object };

    public bool SupportsSnippets => Has("textDocument", "completion", "completionItem", "snippetSupport");

    public bool SupportsRelatedInformation => Has("textDocument", "publishDiagnostics", "relatedInformation");

    public bool SupportsMarkdownHover => Strings("textDocument", "hover", "contentFormat") is { Count: > 0 } formats ? formats.Contains("markdown") : true;

    public bool SupportsWorkDoneProgress => Has("window", "workDoneProgress");

    public IReadOnlyList<string> PositionEncodings => Strings("general", "positionEncodings");
}
