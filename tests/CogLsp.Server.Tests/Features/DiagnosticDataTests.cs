using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CogLsp.Analysis.Requirements;
using CogLsp.Analysis.Workspace;
using CogLsp.Server.Rpc;
using CogLsp.Syntax.Text;

namespace CogLsp.Server.Tests.Features;

/// <summary>
/// What a fix needs travels in a diagnostic's LSP `data` as typed values (numbers stay numbers), and
/// reads back into the same payload the analyzer made.
/// </summary>
public class DiagnosticDataTests
{
    private const string RequirementsUri = "file:///p/requirements.txt";

    // The wire's settings; reflection reads the Analysis payload back, which the wire itself never serialises.
    private static readonly JsonSerializerOptions ReadBack = new(LspJson.Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    [Fact]
    public async Task A_pin_fix_carries_its_replacement_span_as_numbers_and_reads_back_unchanged()
    {
        await using var server = new InProcessServer(new InMemoryFileSystem());
        await server.Client.InitializeAsync(new { textDocument = new { diagnostic = new { } } });
        await server.Client.OpenAsync(RequirementsUri, "numpy>=1.0\n", languageId: "pip-requirements");
        var report = await server.Client.ResultAsync("textDocument/diagnostic", new { textDocument = new { uri = RequirementsUri } });
        var unpinned = Assert.Single(report.GetProperty("items").EnumerateArray(), d => d.GetProperty("code").GetString() == "REQ0201");

        var data = unpinned.GetProperty("data");
        Assert.Equal(JsonValueKind.Number, data.GetProperty("replace").GetProperty("start").ValueKind);
        Assert.Equal(new PinFixData("numpy", "numpy", ">=1.0", new TextSpan(5, 5)), data.Deserialize<PinFixData>(ReadBack));
    }

    [Fact]
    public void Every_kind_of_fix_data_has_a_protocol_shape()
    {
        var kinds = typeof(CogLsp.Analysis.Diagnostics.DiagnosticData).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(CogLsp.Analysis.Diagnostics.DiagnosticData)) && !t.IsAbstract)
            .ToList();
        Assert.NotEmpty(kinds);
        foreach (var kind in kinds)
        {
            // A record's copy constructor is protected; build an instance from its primary constructor with default arguments.
            var constructor = kind.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
            var arguments = constructor.GetParameters().Select(p => p.ParameterType == typeof(string) ? "x" : Activator.CreateInstance(p.ParameterType)).ToArray();
            var data = (CogLsp.Analysis.Diagnostics.DiagnosticData)constructor.Invoke(arguments);
            var converted = CogLsp.Server.Conversion.LspConverter.ToData(data);
            Assert.NotNull(converted);
            Assert.NotEqual(new CogLsp.Server.Protocol.DiagnosticData(), converted);
        }
    }
}
