using CogLsp.Analysis;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Rpc;
using CogLsp.Syntax.Text;

namespace CogLsp.Server.Session;

public enum LifecycleStage
{
    Created,
    Initialized,
    ShutDown,
}

/// <summary>
/// Everything the server remembers between messages. Architecture invariant: written only by
/// mutating handlers, which the <see cref="RequestQueue"/> runs one at a time; read-only handlers see
/// the <see cref="Workspace"/> snapshot captured when they were dequeued, never this object's later state.
/// </summary>
public sealed class ServerState
{
    private volatile WorkspaceSnapshot _workspace;

    public ServerState(IFileSystem fileSystem)
    {
        // Until the client sends settings, the settings' defaults apply (which read package indexes).
        _workspace = WorkspaceSnapshot.Create(fileSystem, options: ServerSettings.Default.ApplyTo(AnalysisOptions.Default, MachineProbe.Empty));
    }

    public WorkspaceSnapshot Workspace
    {
        get => _workspace;
        set => _workspace = value;
    }

    public LifecycleStage Stage { get; set; } = LifecycleStage.Created;

    public PositionEncoding Encoding { get; set; } = PositionEncoding.Utf16;

    public ClientCapabilities Client { get; set; } = ClientCapabilities.None;

    public string Trace { get; set; } = "off";

    /// <summary>
    /// True from `initialized` until the client's `cogLsp` settings have been read (or could not be): package
    /// indexes are not read before, since the settings may name another index than the default one.
    /// </summary>
    public bool AwaitingSettings { get; set; }

    /// <summary>What this machine said about its GPUs and its cog, asked once when the client is initialized; null before.</summary>
    public MachineProbe? Machine { get; set; }

    /// <summary>The GPUs the `cogLsp.targetGpus` setting names (empty: the machine's).</summary>
    public System.Collections.Immutable.ImmutableArray<Analysis.Cog.Gpu.GpuTarget> TargetGpus { get; set; } = [];

    /// <summary>
    /// Pull (textDocument/diagnostic) when the client supports it, else push. A client may force either
    /// with the initialization option `diagnosticMode: "push" | "pull"`. Never both: a client that pulls
    /// and also receives pushes shows every diagnostic twice.
    /// </summary>
    public bool UsesPullDiagnostics { get; set; }

    /// <summary>Workspace folders by URI, as the client named them.</summary>
    public Dictionary<string, string> Folders { get; } = new(StringComparer.Ordinal);
}
