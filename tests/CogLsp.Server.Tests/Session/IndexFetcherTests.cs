using System.Collections.Concurrent;
using CogLsp.Analysis.Indexes;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Session;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CogLsp.Server.Tests.Session;

/// <summary>When the server reads index pages: after typing pauses, and again after an index failed, on the server's clock.</summary>
public class IndexFetcherTests
{
    private const string Requirements = "file:///project/requirements.txt";

    [Fact]
    public async Task An_index_that_failed_is_asked_again_after_the_retry_interval_and_not_before()
    {
        var (server, time, index) = Start();
        await using var _ = server;
        await server.Client.InitializeAsync(rootUri: "file:///project");
        await server.Client.OpenAsync(Requirements, "demo==1.0\n", languageId: "pip-requirements");

        // The first read fails: one note that the line could not be checked.
        await Pause(server, time, p => Codes(p).Contains("REQ0610"));
        Assert.Equal(1, index.Calls);

        // Typing right after does not ask again.
        await Type(server, time, version: 2);
        Assert.Equal(1, index.Calls);

        // Once the retry interval has passed, the next pause in typing does, and the answer replaces the note.
        time.Advance(IndexFetcher.Retry);
        await Type(server, time, version: 3);
        var published = await Pause(server, time, p => p.GetProperty("uri").GetString() == Requirements && !Codes(p).Contains("REQ0610") && Codes(p).Contains("REQ0601"));
        Assert.Equal(2, index.Calls);
        Assert.Contains("REQ0601", Codes(published));
    }

    [Fact]
    public async Task No_index_is_read_before_the_clients_settings_are_known()
    {
        var (server, time, index) = Start();
        await using var _ = server;
        using var answer = new ManualResetEventSlim();
        server.Client.ServerRequestHandlers["workspace/configuration"] = _ =>
        {
            // The client takes its time; its settings name a mirror in place of PyPI.
            answer.Wait(TimeSpan.FromSeconds(20));
            return new object[] { new { index = new { url = "https://mirror.example/simple/" } } };
        };

        await server.Client.InitializeAsync(new { workspace = new { configuration = true } }, rootUri: "file:///project");
        await server.Client.OpenAsync(Requirements, "demo==1.0\n", languageId: "pip-requirements");
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(100);
            time.Advance(IndexFetcher.Debounce);
        }

        Assert.True(index.Sources.IsEmpty, "asked: " + string.Join(", ", index.Sources) + "; requests: " + string.Join(", ", server.Client.ServerRequests.Select(r => r.Method)));
        answer.Set();
        await Pause(server, time, _ => index.Calls > 0);
        Assert.Equal(["https://mirror.example/simple/"], index.Sources.Distinct());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Settings_in_initialization_options_name_the_index(bool underCogLsp)
    {
        var (server, time, index) = Start();
        await using var _ = server;
        await server.Client.InitializeAsync(rootUri: "file:///project", initializationOptions: underCogLsp
            ? new { cogLsp = new { index = new { url = "https://mirror.example/simple/" } } }
            : (object)new { diagnosticMode = "push", index = new { url = "https://mirror.example/simple/" } });
        await server.Client.OpenAsync(Requirements, "demo==1.0\n", languageId: "pip-requirements");
        await Pause(server, time, _ => index.Calls > 0);
        Assert.Equal(["https://mirror.example/simple/"], index.Sources.Distinct());
    }

    [Fact]
    public async Task Pushed_settings_count_when_the_clients_answer_has_none()
    {
        var (server, time, index) = Start();
        await using var _ = server;

        // The client says it answers workspace/configuration, but has no cogLsp section; it pushes the settings instead.
        server.Client.ServerRequestHandlers["workspace/configuration"] = _ => new object?[] { null };
        await server.Client.InitializeAsync(new { workspace = new { configuration = true } }, rootUri: "file:///project");
        await server.Client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { cogLsp = new { index = new { url = "https://mirror.example/simple/" } } } });
        for (var waited = 0; server.Client.ServerRequests.Count(r => r.Method == "workspace/configuration") < 2 && waited < 100; waited++)
        {
            await Task.Delay(50);
        }

        await Task.Delay(300);
        await server.Client.OpenAsync(Requirements, "demo==1.0\n", languageId: "pip-requirements");
        await Pause(server, time, _ => index.Calls > 0);
        Assert.Equal(["https://mirror.example/simple/"], index.Sources.Distinct());
    }

    /// <summary>A server for /project (a cog.yaml naming requirements.txt) on a fake clock, reading a <see cref="FlakyIndex"/>.</summary>
    private static (InProcessServer Server, FakeTimeProvider Time, FlakyIndex Index) Start()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        var index = new FlakyIndex(time);
        var files = new InMemoryFileSystem().Add("/project/cog.yaml", "build:\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n");
        return (new InProcessServer(files, s => s.AddSingleton<IPackageIndexClient>(index).AddSingleton<TimeProvider>(time)), time, index);
    }

    private static async Task Type(InProcessServer server, FakeTimeProvider time, int version)
    {
        await server.Client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri = Requirements, version },
            contentChanges = new[] { new { range = new { start = new { line = 1, character = 0 }, end = new { line = 1, character = 0 } }, text = "#" } },
        });
        await server.Client.WaitForNotificationAsync("textDocument/publishDiagnostics", p => p.GetProperty("uri").GetString() == Requirements && p.GetProperty("version").GetInt32() == version);

        // Typing pauses (a few debounce intervals on the server's clock, with time for an unexpected request to show).
        for (var i = 0; i < 3; i++)
        {
            time.Advance(IndexFetcher.Debounce);
            await Task.Delay(100);
        }
    }

    /// <summary>Lets typing pause, one debounce interval at a time on the server's clock, until diagnostics matching <paramref name="condition"/> are published.</summary>
    private static async Task<System.Text.Json.JsonElement> Pause(InProcessServer server, FakeTimeProvider time, Func<System.Text.Json.JsonElement, bool> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            time.Advance(IndexFetcher.Debounce);
            await Task.Delay(200);
            foreach (var published in server.Client.Notifications("textDocument/publishDiagnostics"))
            {
                if (condition(published))
                {
                    return published;
                }
            }
        }

        throw new TimeoutException("No diagnostics matching the condition were published while typing paused.");
    }

    private static List<string> Codes(System.Text.Json.JsonElement published) =>
        published.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()!).ToList();

    /// <summary>An index that fails the first time and then lists demo 2.0 only.</summary>
    private sealed class FlakyIndex(TimeProvider time) : IPackageIndexClient
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        /// <summary>The index each request went to.</summary>
        public ConcurrentQueue<string> Sources { get; } = new();

        public Task<IndexAnswer> GetAsync(IndexQuery query, CancellationToken cancellationToken)
        {
            Sources.Enqueue(query.Source.Url);
            if (Interlocked.Increment(ref _calls) == 1)
            {
                return Task.FromResult(new IndexAnswer(query, IndexAnswerKind.Unavailable, null, "connection refused", time.GetUtcNow(), false, false));
            }

            var page = new ProjectPage(query.Source, query.Project, [new IndexFile("demo-2.0-py3-none-any.whl", query.Source.Url + "demo/demo-2.0-py3-none-any.whl", null, false, null, null, null)], null);
            return Task.FromResult(new IndexAnswer(query, IndexAnswerKind.Found, page, null, time.GetUtcNow(), false, false));
        }
    }
}
