using CogLsp.Analysis.Workspace;
using CogLsp.Server;
using CogLsp.Server.Rpc;
using CogLsp.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Nerdbank.Streams;

namespace CogLsp.Server.Tests;

/// <summary>A server wired exactly as `cog-lsp serve` wires it, over in-memory streams, with an in-memory file tree.</summary>
public sealed class InProcessServer : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public InProcessServer(InMemoryFileSystem? files = null, Action<IServiceCollection>? configure = null, IFileSystem? disk = null)
    {
        Files = files ?? new InMemoryFileSystem();
        var (serverSide, clientSide) = FullDuplexStream.CreatePair();
        _services = ServerComposition.BuildServices(disk ?? Files, Log, configure);
        Server = ServerComposition.CreateServer(_services, serverSide, serverSide);
        Server.Start();
        Client = new LspTestClient(clientSide, clientSide);
    }

    public InMemoryFileSystem Files { get; }

    public StringWriter Log { get; } = new();

    public LspServer Server { get; }

    public LspTestClient Client { get; }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.DisposeAsync();
        await _services.DisposeAsync();
    }
}
