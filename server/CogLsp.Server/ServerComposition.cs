using System.Diagnostics.CodeAnalysis;
using CogLsp.Analysis;
using CogLsp.Analysis.Indexes;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Handlers.CodeActions;
using CogLsp.Server.Handlers.CodeLens;
using CogLsp.Server.Handlers.Completion;
using CogLsp.Server.Handlers.Definition;
using CogLsp.Server.Handlers.Diagnostics;
using CogLsp.Server.Handlers.Folding;
using CogLsp.Server.Handlers.Hover;
using CogLsp.Server.Handlers.InlayHints;
using CogLsp.Server.Handlers.Lifecycle;
using CogLsp.Server.Handlers.Links;
using CogLsp.Server.Handlers.Symbols;
using CogLsp.Server.Handlers.TextSync;
using CogLsp.Server.Handlers.Workspace;
using CogLsp.Server.Logging;
using CogLsp.Server.Rpc;
using CogLsp.Server.Session;
using Microsoft.Extensions.DependencyInjection;

namespace CogLsp.Server;

/// <summary>Builds a server from its parts with dependency injection; every LSP method has one handler class registered here.</summary>
public static class ServerComposition
{
    public static ServiceProvider BuildServices(IFileSystem fileSystem, TextWriter log, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(fileSystem);
        services.AddSingleton(LanguageServices.CreateDefault());
        services.AddSingleton(new LspLoggerProvider(log));
        services.AddSingleton(sp => new ServerState(sp.GetRequiredService<IFileSystem>()));
        services.AddSingleton<IProcessRunner>(ProcessRunner.Instance);

        AddHandler<InitializeHandler>(services);
        AddHandler<InitializedHandler>(services);
        AddHandler<ShutdownHandler>(services);
        AddHandler<ExitHandler>(services);
        AddHandler<SetTraceHandler>(services);
        AddHandler<MalformedMessageHandler>(services);
        AddHandler<DidOpenHandler>(services);
        AddHandler<DidChangeHandler>(services);
        AddHandler<DidCloseHandler>(services);
        AddHandler<DidSaveHandler>(services);
        AddHandler<DidChangeWatchedFilesHandler>(services);
        AddHandler<DidChangeWorkspaceFoldersHandler>(services);
        AddHandler<DidChangeConfigurationHandler>(services);
        AddHandler<DocumentDiagnosticHandler>(services);
        AddHandler<HoverHandler>(services);
        AddHandler<CompletionHandler>(services);
        AddHandler<DocumentSymbolHandler>(services);
        AddHandler<DocumentLinkHandler>(services);
        AddHandler<DefinitionHandler>(services);
        AddHandler<FoldingRangeHandler>(services);
        AddHandler<InlayHintHandler>(services);
        AddHandler<CodeActionHandler>(services);
        AddHandler<CodeActionResolveHandler>(services);
        AddHandler<CodeLensHandler>(services);
        AddHandler<ExecuteCommandHandler>(services);
        services.AddSingleton<IServerCommand, ApplyCodeActionCommand>();
        services.AddSingleton<IServerCommand, PreviewCommand>();

        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    public static LspServer CreateServer(IServiceProvider services, Stream input, Stream output) =>
        new(input, output, services.GetServices<ILspHandler>(), services.GetRequiredService<ServerState>(), services.GetRequiredService<LanguageServices>(), services.GetRequiredService<LspLoggerProvider>(), services.GetService<IPackageIndexClient>(), services.GetService<TimeProvider>());

    public static void AddHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(IServiceCollection services)
        where T : class, ILspHandler =>
        services.AddSingleton<ILspHandler, T>();
}
