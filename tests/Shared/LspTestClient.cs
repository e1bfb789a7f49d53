using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CogLsp.Tests.Shared;

/// <summary>
/// A deliberately raw LSP client for tests: it writes frames by hand (so tests can send broken ones),
/// records every message from the server, and answers the server's own requests from a table.
/// Waits are bounded so a broken server fails a test instead of hanging it; they assert nothing about speed.
/// </summary>
public sealed class LspTestClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Stream _toServer;
    private readonly Stream _fromServer;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly List<JsonElement> _notifications = [];
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Task _reader;
    private int _nextId = 100;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LspTestClient(Stream toServer, Stream fromServer)
    {
        _toServer = toServer;
        _fromServer = fromServer;
        _reader = Task.Run(ReadLoopAsync);
    }

    /// <summary>Answers to server-to-client requests by method; the default answer is null.</summary>
    public ConcurrentDictionary<string, Func<JsonElement, object?>> ServerRequestHandlers { get; } = new();

    public ConcurrentQueue<(string Method, JsonElement Params)> ServerRequests { get; } = new();

    public Task Completion => _reader;

    public async Task SendRawAsync(byte[] body)
    {
        await _writeLock.WaitAsync();
        try
        {
            var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            await _toServer.WriteAsync(header);
            await _toServer.WriteAsync(body);
            await _toServer.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public Task SendAsync(object message) => SendRawAsync(JsonSerializer.SerializeToUtf8Bytes(message));

    public Task NotifyAsync(string method, object? parameters = null) =>
        SendAsync(parameters is null ? new { jsonrpc = "2.0", method } : new { jsonrpc = "2.0", method, @params = parameters });

    /// <summary>Sends a request and returns the whole response (with "result" or "error").</summary>
    public async Task<JsonElement> RequestAsync(string method, object? parameters = null, int? id = null)
    {
        var requestId = id ?? Interlocked.Increment(ref _nextId);
        var tcs = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[requestId] = tcs;
        await SendAsync(parameters is null ? new { jsonrpc = "2.0", id = requestId, method } : new { jsonrpc = "2.0", id = requestId, method, @params = parameters });
        return await tcs.Task.WaitAsync(Patience);
    }

    public Task<JsonElement> StartRequest(string method, object? parameters, int id)
    {
        var tcs = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = tcs;
        _ = SendAsync(new { jsonrpc = "2.0", id, method, @params = parameters });
        return tcs.Task.WaitAsync(Patience);
    }

    public async Task<JsonElement> ResultAsync(string method, object? parameters = null)
    {
        var response = await RequestAsync(method, parameters);
        if (response.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"{method} failed: {error}");
        }

        return response.GetProperty("result");
    }

    /// <summary>Waits until a notification matching the predicate has arrived (including ones that arrived earlier), and returns its params.</summary>
    public async Task<JsonElement> WaitForNotificationAsync(string method, Func<JsonElement, bool>? predicate = null)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            Task arrived;
            lock (_notifications)
            {
                arrived = _arrived.Task;
                foreach (var n in _notifications)
                {
                    if (n.GetProperty("method").GetString() == method && n.TryGetProperty("params", out var p) && (predicate is null || predicate(p)))
                    {
                        return p;
                    }
                }
            }

            if (_reader.IsCompleted)
            {
                break;
            }

            // Wake on the next notification (or re-check after a while).
            await Task.WhenAny(arrived, Task.Delay(1000));
        }

        throw new TimeoutException($"No {method} notification matching the condition arrived.");
    }

    public IReadOnlyList<JsonElement> Notifications(string method)
    {
        lock (_notifications)
        {
            return _notifications.Where(n => n.GetProperty("method").GetString() == method).Select(n => n.GetProperty("params")).ToList();
        }
    }

    public async Task<JsonElement> InitializeAsync(object? capabilities = null, string? rootUri = null, object? initializationOptions = null)
    {
        var result = await ResultAsync("initialize", new { processId = (int?)null, rootUri, capabilities = capabilities ?? new { }, initializationOptions });
        await NotifyAsync("initialized", new { });
        return result;
    }

    public Task OpenAsync(string uri, string text, int version = 1, string languageId = "yaml") =>
        NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId, version, text } });

    public async ValueTask DisposeAsync()
    {
        await _toServer.DisposeAsync();
        try
        {
            await _reader.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
        }
    }

    private async Task ReadLoopAsync()
    {
        var stream = new BufferedStream(_fromServer);
        while (true)
        {
            var length = -1;
            while (true)
            {
                var line = await ReadLineAsync(stream);
                if (line is null)
                {
                    return;
                }

                if (line.Length == 0)
                {
                    break;
                }

                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line["Content-Length:".Length..].Trim());
                }
            }

            var body = new byte[length];
            var read = 0;
            while (read < length)
            {
                var n = await stream.ReadAsync(body.AsMemory(read));
                if (n == 0)
                {
                    return;
                }

                read += n;
            }

            var message = JsonDocument.Parse(body).RootElement.Clone();
            var hasId = message.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number;
            if (message.TryGetProperty("method", out var method))
            {
                if (hasId)
                {
                    var name = method.GetString()!;
                    var parameters = message.TryGetProperty("params", out var p) ? p : default;
                    ServerRequests.Enqueue((name, parameters));
                    var answer = ServerRequestHandlers.TryGetValue(name, out var handler) ? handler(parameters) : null;
                    _ = SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.GetInt32(), ["result"] = answer is null ? null : JsonSerializer.SerializeToNode(answer) });
                }
                else
                {
                    TaskCompletionSource signal;
                    lock (_notifications)
                    {
                        _notifications.Add(message);
                        signal = _arrived;
                        _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    }

                    signal.TrySetResult();
                }
            }
            else if (hasId && _pending.TryRemove(id.GetInt32(), out var tcs))
            {
                tcs.TrySetResult(message);
            }
        }
    }

    private static async Task<string?> ReadLineAsync(Stream stream)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            if (one[0] == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            }

            bytes.Add(one[0]);
        }
    }
}
