using System.Text.Json;
using CogLsp.Server.Session;

namespace CogLsp.Server.Protocol;

public sealed record WorkspaceFolder(string Uri, string Name);

/// <summary>Client capabilities are kept as raw JSON and read with <see cref="ClientCapabilities"/>: the server needs a handful of flags, not the whole tree.</summary>
public sealed record InitializeParams(
    int? ProcessId,
    string? RootUri,
    string? RootPath,
    JsonElement? Capabilities,
    JsonElement? InitializationOptions,
    WorkspaceFolder[]? WorkspaceFolders,
    string? Trace);

public sealed record ServerInfo(string Name, string Version);

public sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

public sealed record TextDocumentSyncOptions(bool OpenClose, int Change, SaveOptions Save);

public sealed record SaveOptions(bool IncludeText);

public sealed record CompletionOptions(string[] TriggerCharacters, bool ResolveProvider);

public sealed record CodeActionOptions(string[] CodeActionKinds, bool ResolveProvider);

public sealed record DiagnosticOptions(string Identifier, bool InterFileDependencies, bool WorkspaceDiagnostics);

public sealed record DocumentLinkOptions(bool ResolveProvider);

public sealed record ExecuteCommandOptions(string[] Commands);

public sealed record CodeLensOptions(bool ResolveProvider);

public sealed record WorkspaceFoldersServerCapabilities(bool Supported, bool ChangeNotifications);

public sealed record WorkspaceServerCapabilities(WorkspaceFoldersServerCapabilities WorkspaceFolders);

/// <summary>Only what the server implements is advertised; each handler fills in its own part.</summary>
public sealed class ServerCapabilities
{
    public string? PositionEncoding { get; set; }

    public TextDocumentSyncOptions? TextDocumentSync { get; set; }

    public bool? HoverProvider { get; set; }

    public CompletionOptions? CompletionProvider { get; set; }

    public bool? DocumentSymbolProvider { get; set; }

    public DocumentLinkOptions? DocumentLinkProvider { get; set; }

    public bool? DefinitionProvider { get; set; }

    public bool? FoldingRangeProvider { get; set; }

    public bool? InlayHintProvider { get; set; }

    public CodeActionOptions? CodeActionProvider { get; set; }

    public CodeLensOptions? CodeLensProvider { get; set; }

    public DiagnosticOptions? DiagnosticProvider { get; set; }

    public ExecuteCommandOptions? ExecuteCommandProvider { get; set; }

    public WorkspaceServerCapabilities? Workspace { get; set; }
}

public sealed record SetTraceParams(string Value);

public sealed record LogMessageParams(int Type, string Message);

public sealed record LogTraceParams(string Message, string? Verbose);

public sealed record Registration(string Id, string Method, object? RegisterOptions);

public sealed record RegistrationParams(Registration[] Registrations);

public sealed record FileSystemWatcher(string GlobPattern, int? Kind);

public sealed record DidChangeWatchedFilesRegistrationOptions(FileSystemWatcher[] Watchers);

public sealed record ConfigurationItem(string? ScopeUri, string? Section);

public sealed record ConfigurationParams(ConfigurationItem[] Items);

public sealed record ShowMessageParams(int Type, string Message);
