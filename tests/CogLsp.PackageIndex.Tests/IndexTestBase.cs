using CogLsp.Analysis.Indexes;

namespace CogLsp.PackageIndex.Tests;

/// <summary>
/// Each test gets its own loopback index on 127.0.0.1, an empty cache directory and a hand-moved clock.
/// Clients are made with short timeouts and retry pauses so failure paths stay quick.
/// </summary>
public abstract class IndexTestBase : IAsyncLifetime
{
    private readonly List<PackageIndexClient> _clients = [];

    protected LoopbackIndexServer Server { get; set; } = null!;

    protected string CacheDir { get; } = Path.Combine(Path.GetTempPath(), "cog-lsp-index-tests", Guid.NewGuid().ToString("N"));

    protected ManualClock Clock { get; } = new();

    public async Task InitializeAsync() => Server = await LoopbackIndexServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Server.DisposeAsync();
        if (Directory.Exists(CacheDir))
        {
            Directory.Delete(CacheDir, recursive: true);
        }
    }

    protected PackageIndexClient Client(Func<PackageIndexOptions, PackageIndexOptions>? adjust = null)
    {
        var options = new PackageIndexOptions
        {
            CacheDirectory = CacheDir,
            TimeProvider = Clock,
            ConnectTimeout = TimeSpan.FromSeconds(2),
            TotalTimeout = TimeSpan.FromSeconds(10),
            RetryDelay = TimeSpan.FromMilliseconds(10),
        };
        var client = new PackageIndexClient(adjust is null ? options : adjust(options));
        _clients.Add(client);
        return client;
    }

    protected static IndexQuery Simple(string url, string project) => new(new IndexSource(IndexSourceKind.Simple, url), project);

    protected IndexQuery Simple(string project) => Simple(Server.SimpleUrl, project);

    protected static Task<IndexAnswer> Get(PackageIndexClient client, IndexQuery query) => client.GetAsync(query, CancellationToken.None);

    /// <summary>Every byte of every file under the cache directory, as text.</summary>
    protected string CacheContents() =>
        Directory.Exists(CacheDir)
            ? string.Join("\n", Directory.EnumerateFiles(CacheDir, "*", SearchOption.AllDirectories).Select(File.ReadAllText))
            : string.Empty;

    protected int CacheFileCount() =>
        Directory.Exists(CacheDir) ? Directory.EnumerateFiles(CacheDir, "*", SearchOption.AllDirectories).Count() : 0;
}
