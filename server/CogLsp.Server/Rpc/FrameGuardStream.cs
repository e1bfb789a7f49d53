using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace CogLsp.Server.Rpc;

/// <summary>
/// Sits between the client's byte stream and StreamJsonRpc. StreamJsonRpc drops the whole connection on
/// a body that is not JSON; this guard reads each `Content-Length` frame first, passes well-formed ones
/// through untouched, and replaces a malformed one (bad JSON, bad header, a body that is not an object)
/// with a `$/cogLsp/malformedMessage` notification, which the server logs as a warning. One broken
/// message therefore costs one message, not the session.
/// </summary>
public static class FrameGuardStream
{
    public const string MalformedMethod = "$/cogLsp/malformedMessage";

    /// <summary>Largest body accepted; anything larger is reported and skipped rather than buffered.</summary>
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    public static Stream Wrap(Stream input, CancellationToken cancellationToken = default)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        _ = Task.Run(() => PumpAsync(input, pipe.Writer, cancellationToken), cancellationToken);
        return pipe.Reader.AsStream();
    }

    private static async Task PumpAsync(Stream input, PipeWriter writer, CancellationToken cancellationToken)
    {
        var reader = new BufferedStream(input, 64 * 1024);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var length = -1;
                var headerProblem = (string?)null;
                var sawHeader = false;
                while (true)
                {
                    var line = await ReadLineAsync(reader, cancellationToken).ConfigureAwait(false);
                    if (line is null)
                    {
                        return;
                    }

                    if (line.Length == 0)
                    {
                        if (sawHeader)
                        {
                            break;
                        }

                        continue;
                    }

                    sawHeader = true;
                    var colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    {
                        if (!int.TryParse(line[(colon + 1)..].Trim(), out length) || length < 0)
                        {
                            headerProblem = $"bad Content-Length header '{line}'";
                            length = -1;
                        }
                    }
                    else if (colon <= 0)
                    {
                        headerProblem = $"malformed header line '{Truncate(line)}'";
                    }
                }

                if (length < 0)
                {
                    await WriteFrameAsync(writer, Malformed(headerProblem ?? "a message without a Content-Length header"), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (length > MaxBodyBytes)
                {
                    await SkipAsync(reader, length, cancellationToken).ConfigureAwait(false);
                    await WriteFrameAsync(writer, Malformed($"a message of {length} bytes, over the {MaxBodyBytes}-byte limit"), cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var body = new byte[length];
                var read = 0;
                while (read < length)
                {
                    var n = await reader.ReadAsync(body.AsMemory(read, length - read), cancellationToken).ConfigureAwait(false);
                    if (n == 0)
                    {
                        return;
                    }

                    read += n;
                }

                var problem = Validate(body);
                await WriteFrameAsync(writer, problem is null ? body : Malformed(problem), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            await writer.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static string? Validate(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 256 });
            return document.RootElement.ValueKind == JsonValueKind.Object ? null : "a message body that is not a JSON object";
        }
        catch (JsonException e)
        {
            return $"a message body that is not valid JSON ({e.Message})";
        }
    }

    private static byte[] Malformed(string description)
    {
        // Written by hand rather than serialised, so no reflection is needed (the trimmed and AOT builds have none).
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteString("method", MalformedMethod);
            writer.WriteStartObject("params");
            writer.WriteString("problem", description);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static async Task WriteFrameAsync(PipeWriter writer, byte[] body, CancellationToken cancellationToken)
    {
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await writer.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        await writer.WriteAsync(body, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string?> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = new List<byte>(64);
        var one = new byte[1];
        while (true)
        {
            var n = await stream.ReadAsync(one.AsMemory(0, 1), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return bytes.Count == 0 ? null : Encoding.ASCII.GetString(bytes.ToArray());
            }

            if (one[0] == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            }

            if (bytes.Count < 8192)
            {
                bytes.Add(one[0]);
            }
        }
    }

    private static async Task SkipAsync(Stream stream, long count, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (count > 0)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, count)), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return;
            }

            count -= n;
        }
    }

    private static string Truncate(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
