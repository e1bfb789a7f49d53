using CogLsp.Analysis.Workspace;
using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;
using CogLsp.Syntax.Text;
using Microsoft.Extensions.DependencyInjection;

namespace CogLsp.Server.Handlers.Lifecycle;

/// <summary>initialize: negotiates the position encoding, records the client's capabilities and roots, and announces what the server implements.</summary>
/// <remarks>The contributors are looked up when initialize arrives, not at construction: they are handlers too, and this one is among them.</remarks>
public sealed class InitializeHandler(IServiceProvider services) : LspHandler<InitializeParams, InitializeResult>
{
    public override string Method => Methods.Initialize;

    public override bool MutatesState => true;

    protected override async Task<InitializeResult> ExecuteAsync(InitializeParams parameters, RequestContext context, CancellationToken cancellationToken)
    {
        StartupTrace.Mark("initialize received");
        var state = context.State;
        var client = new ClientCapabilities(parameters.Capabilities);
        state.Client = client;

        // UTF-16 is LSP's default and must be supported; UTF-8 is taken when the client offers it, as it spares conversions.
        var offered = client.PositionEncodings;
        state.Encoding = offered.Contains("utf-8") ? PositionEncoding.Utf8 : PositionEncoding.Utf16;
        state.Trace = parameters.Trace ?? "off";
        var mode = parameters.InitializationOptions is { ValueKind: System.Text.Json.JsonValueKind.Object } options
            && options.TryGetProperty("diagnosticMode", out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null;
        state.UsesPullDiagnostics = mode switch { "push" => false, "pull" => true, _ => client.SupportsPullDiagnostics };

        // Settings may come with the request, as the `cogLsp` object or that object's keys directly in
        // `initializationOptions` (editors without workspace/configuration pass them so); the client's own
        // answer to workspace/configuration, if it has one, wins later.
        if (parameters.InitializationOptions is { ValueKind: System.Text.Json.JsonValueKind.Object } init)
        {
            var initial = init.TryGetProperty("cogLsp", out var nested) && nested.ValueKind == System.Text.Json.JsonValueKind.Object ? nested : init;
            await new Workspace.ApplySettingsHandler().HandleAsync(initial, context, cancellationToken).ConfigureAwait(false);
        }

        var roots = new List<string>();
        foreach (var folder in parameters.WorkspaceFolders ?? [])
        {
            if (context.Uris.ToPath(folder.Uri) is { } path)
            {
                state.Folders[folder.Uri] = path;
                roots.Add(path);
            }
        }

        if (roots.Count == 0 && parameters.RootUri is not null && context.Uris.ToPath(parameters.RootUri) is { } rootPath)
        {
            roots.Add(rootPath);
        }
        else if (roots.Count == 0 && !string.IsNullOrEmpty(parameters.RootPath))
        {
            roots.Add(PathUtil.Normalize(Path.GetFullPath(parameters.RootPath)));
        }

        state.Workspace = state.Workspace.WithRoots(roots);
        state.Stage = LifecycleStage.Initialized;

        var capabilities = new ServerCapabilities
        {
            PositionEncoding = state.Encoding == PositionEncoding.Utf8 ? "utf-8" : "utf-16",
        };
        foreach (var contributor in services.GetServices<ILspHandler>().OfType<ICapabilityContributor>())
        {
            contributor.Contribute(capabilities, client);
        }

        if (!state.UsesPullDiagnostics)
        {
            capabilities.DiagnosticProvider = null;
        }

        StartupTrace.Mark("initialize answered");
        return new InitializeResult(capabilities, new ServerInfo("cog-lsp", ServerVersion.Current));
    }
}
