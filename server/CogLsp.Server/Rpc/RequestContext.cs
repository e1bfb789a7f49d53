using CogLsp.Analysis;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Conversion;
using CogLsp.Server.Session;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Rpc;

/// <summary>
/// What a handler works with. <see cref="Workspace"/> is the snapshot captured when the request was
/// dequeued; <see cref="State"/> may be written only by mutating handlers.
/// </summary>
public sealed class RequestContext(
    WorkspaceSnapshot workspace,
    ServerState state,
    LanguageServices services,
    DiagnosticService diagnostics,
    ILspClient client,
    DocumentUris uris,
    ILogger logger)
{
    public WorkspaceSnapshot Workspace { get; } = workspace;

    public ServerState State { get; } = state;

    public LanguageServices Services { get; } = services;

    public DiagnosticService Diagnostics { get; } = diagnostics;

    public ILspClient Client { get; } = client;

    public DocumentUris Uris { get; } = uris;

    public ILogger Logger { get; } = logger;

    /// <summary>The server, for handlers that queue follow-up work (e.g. settings that arrive later).</summary>
    public LspServer? Server { get; init; }

    public LspConverter Converter => new(State.Encoding, Uris);

    /// <summary>The document a request names, as the snapshot has it, with its kind decided by the project graph; null when it is neither open nor on disk.</summary>
    public Document? GetDocument(string uri)
    {
        var path = Uris.ToPath(uri);
        return path is null ? null : CogProjectLocator.GetDocument(Workspace, path);
    }
}
