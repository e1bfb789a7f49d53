using CogLsp.Analysis.Indexes;
using CogLsp.Analysis.Workspace;
using CogLsp.PackageIndex;
using Microsoft.Extensions.DependencyInjection;

namespace CogLsp.Server.Cli;

/// <summary>`cog-lsp serve`: LSP over stdin/stdout until exit. Nothing but protocol messages may reach stdout.</summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync()
    {
        var stdout = Console.OpenStandardOutput();
        var stdin = Console.OpenStandardInput();
        var stderr = Console.Error;

        // Anything that writes to Console.Out by mistake would corrupt the protocol stream.
        Console.SetOut(stderr);

        StartupTrace.Mark("serve");
        // Package indexes are read through one client (with its disk cache) for the whole session; the
        // cogLsp.index settings decide whether it is used.
        using var indexClient = new PackageIndexClient();
        await using var services = ServerComposition.BuildServices(PhysicalFileSystem.Instance, stderr, s => s.AddSingleton<IPackageIndexClient>(indexClient));
        StartupTrace.Mark("services built");
        var server = ServerComposition.CreateServer(services, stdin, stdout);
        StartupTrace.Mark("server created");
        server.Start();
        StartupTrace.Mark("listening");
        var code = await server.Exited.ConfigureAwait(false);
        await server.DisposeAsync().ConfigureAwait(false);
        StartupTrace.GarbageCollections();
        return code;
    }
}
