namespace CogLsp.Server.Protocol;

/// <summary>LSP method names the server handles or sends.</summary>
public static class Methods
{
    public const string Initialize = "initialize";
    public const string Initialized = "initialized";
    public const string Shutdown = "shutdown";
    public const string Exit = "exit";
    public const string SetTrace = "$/setTrace";
    public const string LogTrace = "$/logTrace";
    public const string DidOpen = "textDocument/didOpen";
    public const string DidChange = "textDocument/didChange";
    public const string DidClose = "textDocument/didClose";
    public const string DidSave = "textDocument/didSave";
    public const string PublishDiagnostics = "textDocument/publishDiagnostics";
    public const string Diagnostic = "textDocument/diagnostic";
    public const string DiagnosticRefresh = "workspace/diagnostic/refresh";
    public const string Hover = "textDocument/hover";
    public const string Completion = "textDocument/completion";
    public const string DocumentSymbol = "textDocument/documentSymbol";
    public const string DocumentLink = "textDocument/documentLink";
    public const string Definition = "textDocument/definition";
    public const string FoldingRange = "textDocument/foldingRange";
    public const string InlayHint = "textDocument/inlayHint";
    public const string InlayHintRefresh = "workspace/inlayHint/refresh";
    public const string CodeAction = "textDocument/codeAction";
    public const string CodeLens = "textDocument/codeLens";
    public const string CodeLensRefresh = "workspace/codeLens/refresh";
    public const string CodeActionResolve = "codeAction/resolve";
    public const string ExecuteCommand = "workspace/executeCommand";
    public const string ApplyEdit = "workspace/applyEdit";
    public const string DidChangeWatchedFiles = "workspace/didChangeWatchedFiles";
    public const string DidChangeWorkspaceFolders = "workspace/didChangeWorkspaceFolders";
    public const string DidChangeConfiguration = "workspace/didChangeConfiguration";
    public const string Configuration = "workspace/configuration";
    public const string RegisterCapability = "client/registerCapability";
    public const string LogMessage = "window/logMessage";
    public const string ShowMessage = "window/showMessage";
    public const string WorkDoneProgressCreate = "window/workDoneProgress/create";
    public const string Progress = "$/progress";

    private static readonly HashSet<string> Notifications =
    [
        Initialized, Exit, SetTrace, DidOpen, DidChange, DidClose, DidSave, DidChangeWatchedFiles, DidChangeWorkspaceFolders, DidChangeConfiguration,
    ];

    public static bool IsNotification(string method) => Notifications.Contains(method) || method.StartsWith("$/", StringComparison.Ordinal);
}
