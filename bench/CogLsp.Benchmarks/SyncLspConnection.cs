using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CogLsp.Benchmarks;

/// <summary>
/// A minimal LSP client that sends and waits on the calling thread: no reader task, no thread-pool hop
/// and no timers between the server's answer and the measurement, so latency figures carry as little of
/// the client's own noise as possible. Requests from the server are answered with null.
/// </summary>
internal sealed class SyncLspConnection(Stream toServer, Stream fromServer)
{
    private readonly BufferedStream _input = new(fromServer, 1 << 16);
    private int _nextId;

    public void Notify(string method, object parameters) => Write(new { jsonrpc = "2.0", method, @params = parameters });

    public JsonElement Request(string method, object? parameters)
    {
        var id = ++_nextId;
        Write(new { jsonrpc = "2.0", id, method, @params = parameters });
        while (true)
        {
            var message = Read();
            if (!message.TryGetProperty("method", out _) && message.TryGetProperty("id", out var answered) && answered.ValueKind == JsonValueKind.Number && answered.GetInt32() == id)
            {
                return message.TryGetProperty("result", out var result) ? result : default;
            }
        }
    }

    /// <summary>Reads messages until a notification <paramref name="method"/> whose params satisfy <paramref name="match"/>.</summary>
    public JsonElement WaitFor(string method, Func<JsonElement, bool> match)
    {
        while (true)
        {
            var message = Read();
            if (message.TryGetProperty("method", out var name) && !message.TryGetProperty("id", out _) && name.GetString() == method
                && message.TryGetProperty("params", out var parameters) && match(parameters))
            {
                return parameters;
            }
        }
    }

    private void Write(object message)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message);
        var header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n"));
        toServer.Write(header);
        toServer.Write(body);
        toServer.Flush();
    }

    private JsonElement Read()
    {
        while (true)
        {
            var length = -1;
            string line;
            while ((line = ReadHeaderLine()).Length > 0)
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line.AsSpan(15).Trim(), CultureInfo.InvariantCulture);
                }
            }

            var body = new byte[length];
            _input.ReadExactly(body);
            var message = JsonDocument.Parse(body).RootElement;
            if (message.TryGetProperty("method", out _) && message.TryGetProperty("id", out var id))
            {
                // A request from the server (registration, configuration): answer it and read on.
                Write(new { jsonrpc = "2.0", id = id.Clone(), result = (object?)null });
                continue;
            }

            return message;
        }
    }

    private string ReadHeaderLine()
    {
        var line = new StringBuilder();
        while (true)
        {
            var b = _input.ReadByte();
            if (b < 0)
            {
                throw new EndOfStreamException("The server closed its output.");
            }

            if (b == '\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append((char)b);
        }
    }
}
