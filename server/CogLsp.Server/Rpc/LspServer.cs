using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using CogLsp.Analysis;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Indexes;
using CogLsp.Server.Logging;
using CogLsp.Server.Protocol;
using CogLsp.Server.Session;
using Microsoft.Extensions.Logging;
using Microsoft.VisualStudio.Threading;
using StreamJsonRpc;

namespace CogLsp.Server.Rpc;

/// <summary>
/// The JSON-RPC endpoint: StreamJsonRpc with LSP's header framing and System.Text.Json. Every handler
/// is registered under its method name; each incoming message is checked against the lifecycle
/// (before initialize, after shutdown) in arrival order and then handed to the <see cref="RequestQueue"/>.
/// </summary>
public sealed class LspServer : ILspClient, System.IAsyncDisposable
{
    private readonly JsonRpc _rpc;
    private readonly Dictionary<string, ILspHandler> _handlers;
    private readonly RequestQueue _queue;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IdleCollector _idleCollector = new();
    private bool _initializeReceived;
    private bool _shutdownReceived;

    public LspServer(Stream input, Stream output, IEnumerable<ILspHandler> handlers, ServerState state, LanguageServices services, LspLoggerProvider loggerProvider, IPackageIndexClient? indexClient = null, TimeProvider? time = null)
    {
        State = state;
        Services = services;
        Diagnostics = new DiagnosticService(services);
        Uris = new DocumentUris();
        LoggerProvider = loggerProvider;
        _logger = loggerProvider.CreateLogger("cog-lsp");
        _handlers = handlers.ToDictionary(h => h.Method, StringComparer.Ordinal);

        _rpc = new JsonRpc(new HeaderDelimitedMessageHandler(output, FrameGuardStream.Wrap(input), CreateFormatter()))
        {
            // Entry points run one at a time in arrival order; each only enqueues, so ordering is the queue's.
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
        };

        var invoke = typeof(Entry).GetMethod(nameof(Entry.InvokeAsync))!;
        var invokeWithoutParams = typeof(Entry).GetMethod(nameof(Entry.InvokeWithoutParamsAsync))!;
        foreach (var handler in _handlers.Values)
        {
            var entry = new Entry(this, handler);
            var attribute = new JsonRpcMethodAttribute(handler.Method) { UseSingleObjectParameterDeserialization = true };
            _rpc.AddLocalRpcMethod(invoke, entry, attribute);
            _rpc.AddLocalRpcMethod(invokeWithoutParams, entry, new JsonRpcMethodAttribute(handler.Method));
        }

        _rpc.Disconnected += (_, e) =>
        {
            if (e.Reason is not DisconnectedReason.LocallyDisposed and not DisconnectedReason.RemotePartyTerminated)
            {
                _logger.LogWarning("Connection closed: {Reason} {Description}", e.Reason, e.Description);
            }

            _exit.TrySetResult(_shutdownReceived ? 0 : 1);
        };

        _queue = new RequestQueue(CreateContext, AfterMutation, _logger);
        Publisher = new DiagnosticsPublisher(this);
        Indexes = indexClient is null ? null : new IndexFetcher(this, indexClient, time ?? TimeProvider.System);
        CodeLenses = new CodeLensRefresher(this);
    }

    public ServerState State { get; }

    public LanguageServices Services { get; }

    public DiagnosticService Diagnostics { get; }

    public DocumentUris Uris { get; }

    public LspLoggerProvider LoggerProvider { get; }

    public DiagnosticsPublisher Publisher { get; }

    /// <summary>Reads package indexes for the open projects; null when the server was built without an index client (offline).</summary>
    public IndexFetcher? Indexes { get; }
    public CodeLensRefresher CodeLenses { get; }

    public ILogger Logger => _logger;

    /// <summary>Completes with the process exit code: 0 after shutdown then exit, 1 when exit (or end of input) comes without shutdown.</summary>
    public Task<int> Exited => _exit.Task;

    public void Start()
    {
        _rpc.StartListening();
        LoggerProvider.Attach(this);
    }

    public Task NotifyAsync(string method, object? parameters) =>
        _rpc.IsDisposed ? Task.CompletedTask : _rpc.NotifyWithParameterObjectAsync(method, NamedArguments(parameters), null);

    public async Task<T?> RequestAsync<T>(string method, object? parameters, CancellationToken cancellationToken) =>
        await _rpc.InvokeWithParameterObjectAsync<T>(method, NamedArguments(parameters), null, cancellationToken).ConfigureAwait(false);

    public async ValueTask DisposeAsync()
    {
        LoggerProvider.Detach();
        await Publisher.DisposeAsync().ConfigureAwait(false);
        if (Indexes is not null)
        {
            await Indexes.DisposeAsync().ConfigureAwait(false);
        }

        await CodeLenses.DisposeAsync().ConfigureAwait(false);
        await _queue.CompleteAsync().ConfigureAwait(false);
        _rpc.Dispose();
    }

    internal void RequestExit() => _exit.TrySetResult(_shutdownReceived ? 0 : 1);

    /// <summary>Queues work the server gives itself (e.g. applying settings that arrived), in order with the client's messages.</summary>
    public Task<object?> EnqueueInternal(ILspHandler handler, JsonElement? parameters) => _queue.Enqueue(handler, parameters, CancellationToken.None);

    /// <summary>
    /// StreamJsonRpc marks this constructor as not proven trim/AOT-safe because some of the formatter's features
    /// need reflection: marshalable objects, IProgress and IAsyncEnumerable arguments, untyped parameter objects.
    /// The server uses none of them (outgoing parameters go through <see cref="NamedArguments"/>), and every payload
    /// type resolves through the generated <see cref="LspJsonContext"/> alone; the end-to-end tests run against the
    /// Native AOT build to keep this true.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only the formatter's reflection-free paths are used; see the summary.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only the formatter's reflection-free paths are used; see the summary.")]
    private static SystemTextJsonFormatter CreateFormatter() => new() { JsonSerializerOptions = LspJson.Create() };

    /// <summary>
    /// Outgoing parameters as a map of name to JSON value, written with the wire's generated serialisation. Given a
    /// plain object, StreamJsonRpc would read its properties by reflection, which a trimmed build cannot promise.
    /// </summary>
    private static Dictionary<string, object?>? NamedArguments(object? parameters)
    {
        if (parameters is null)
        {
            return null;
        }

        var element = JsonSerializer.SerializeToElement(parameters, LspJson.Options.GetTypeInfo(parameters.GetType()));
        var named = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            named[property.Name] = property.Value;
        }

        return named;
    }

    private RequestContext CreateContext() => new(State.Workspace, State, Services, Diagnostics, this, Uris, _logger) { Server = this };

    private void AfterMutation(ILspHandler handler)
    {
        Publisher.OnStateChanged(handler.Method);
        Indexes?.OnStateChanged();
        CodeLenses.OnStateChanged();
        _idleCollector.OnChange();
        StartupTrace.NoteCollection();
    }

    private Task<object?> Dispatch(ILspHandler handler, JsonElement? parameters, CancellationToken cancellationToken, bool isNotification)
    {
        var method = handler.Method;
        if (method == FrameGuardStream.MalformedMethod)
        {
            return handler.HandleAsync(parameters, CreateContext(), cancellationToken);
        }

        if (method == Methods.Exit)
        {
            RequestExit();
            return Task.FromResult<object?>(null);
        }

        if (!_initializeReceived && method != Methods.Initialize)
        {
            if (isNotification)
            {
                _logger.LogWarning("Ignored {Method}: the server is not initialized yet", method);
                return Task.FromResult<object?>(null);
            }

            throw new LocalRpcException("The server is not initialized yet: send initialize first.") { ErrorCode = ErrorCodes.ServerNotInitialized };
        }

        if (_shutdownReceived)
        {
            if (isNotification)
            {
                return Task.FromResult<object?>(null);
            }

            throw new LocalRpcException($"The server is shutting down and accepts no more requests ({method}).") { ErrorCode = ErrorCodes.InvalidRequest };
        }

        if (method == Methods.Initialize)
        {
            if (_initializeReceived)
            {
                throw new LocalRpcException("initialize was already received.") { ErrorCode = ErrorCodes.InvalidRequest };
            }

            _initializeReceived = true;
        }

        if (method == Methods.Shutdown)
        {
            _shutdownReceived = true;
        }

        return _queue.Enqueue(handler, parameters, cancellationToken);
    }

    /// <summary>The object StreamJsonRpc calls for one method; it forwards to <see cref="Dispatch"/>.</summary>
    private sealed class Entry(LspServer server, ILspHandler handler)
    {
        public Task<object?> InvokeAsync(JsonElement parameters, CancellationToken cancellationToken) =>
            server.Dispatch(handler, parameters, cancellationToken, Methods.IsNotification(handler.Method));

        public Task<object?> InvokeWithoutParamsAsync(CancellationToken cancellationToken) =>
            server.Dispatch(handler, null, cancellationToken, Methods.IsNotification(handler.Method));
    }
}
