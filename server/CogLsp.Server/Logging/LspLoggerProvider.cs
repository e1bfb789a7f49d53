using CogLsp.Server.Protocol;
using CogLsp.Server.Rpc;
using Microsoft.Extensions.Logging;

namespace CogLsp.Server.Logging;

/// <summary>
/// Server logs go to stderr (which editors keep as the server's output) and, once connected, to the
/// client as window/logMessage. Debug lines reach the client only while trace is "verbose".
/// </summary>
public sealed class LspLoggerProvider : ILoggerProvider
{
    private readonly TextWriter _stderr;
    private volatile LspServer? _server;

    public LspLoggerProvider(TextWriter stderr, LogLevel minimum = LogLevel.Information)
    {
        _stderr = stderr;
        Minimum = minimum;
    }

    public LogLevel Minimum { get; set; }

    public void Attach(LspServer server) => _server = server;

    public void Detach() => _server = null;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() => _server = null;

    private void Write(LogLevel level, string message)
    {
        lock (_stderr)
        {
            _stderr.WriteLine($"[{level}] {message}");
            _stderr.Flush();
        }

        var server = _server;
        if (server is null)
        {
            return;
        }

        var verbose = server.State.Trace == "verbose";
        if (level < LogLevel.Information && !verbose)
        {
            return;
        }

        var type = level switch
        {
            >= LogLevel.Error => 1,
            LogLevel.Warning => 2,
            LogLevel.Information => 3,
            _ => 4,
        };
        _ = server.NotifyAsync(Methods.LogMessage, new LogMessageParams(type, message)).ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
    }

    private sealed class Logger(LspLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider.Minimum || (logLevel >= LogLevel.Debug && provider._server?.State.Trace == "verbose");

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            if (exception is not null)
            {
                message += Environment.NewLine + exception;
            }

            provider.Write(logLevel, category == "cog-lsp" ? message : $"{category}: {message}");
        }
    }
}
