using System.Collections.Immutable;
using System.Text.Json;
using CogLsp.Analysis;
using CogLsp.Analysis.Cog.Gpu;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Indexes;

namespace CogLsp.Server.Session;

/// <summary>
/// The `cogLsp` settings section: { "severity": { "COG0101": "error" | "warning" | "information" | "hint" | "off" },
/// "inlayHints": true, "trace": "off" | "messages" | "verbose", "targetGpus": ["H100", "sm_120"],
/// "index": { "enabled": true, "url": "https://pypi.org/simple/", "pytorchUrl": "https://download.pytorch.org/whl/" } }.
/// Unknown fields and bad values (an unknown GPU name too) are ignored (with a log line), never fatal. The
/// server reads package indexes by default; `index.enabled: false` keeps it offline.
/// </summary>
public sealed record ServerSettings(ImmutableDictionary<string, DiagnosticSeverity?> Severity, bool InlayHints, string? Trace, PackageIndexSettings Index)
{
    /// <summary>The GPUs the user named; empty means "this machine's GPUs, if any".</summary>
    public ImmutableArray<GpuTarget> TargetGpus { get; init; } = [];

    public static ServerSettings Default { get; } = new(
        ImmutableDictionary<string, DiagnosticSeverity?>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase),
        true,
        null,
        PackageIndexSettings.Default with { Enabled = true });

    public static ServerSettings Parse(JsonElement? section, List<string> problems)
    {
        var result = Default;
        if (section is not { ValueKind: JsonValueKind.Object } root)
        {
            return result;
        }

        if (root.TryGetProperty("severity", out var severity) && severity.ValueKind == JsonValueKind.Object)
        {
            var builder = result.Severity.ToBuilder();
            foreach (var property in severity.EnumerateObject())
            {
                var parsed = property.Value.ValueKind == JsonValueKind.String ? ParseSeverity(property.Value.GetString()!) : (false, null);
                if (parsed.Ok)
                {
                    builder[property.Name] = parsed.Severity;
                }
                else
                {
                    problems.Add($"cogLsp.severity.{property.Name}: expected \"error\", \"warning\", \"information\", \"hint\" or \"off\"");
                }
            }

            result = result with { Severity = builder.ToImmutable() };
        }

        if (root.TryGetProperty("inlayHints", out var hints))
        {
            if (hints.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                result = result with { InlayHints = hints.GetBoolean() };
            }
            else if (hints.ValueKind == JsonValueKind.Object && hints.TryGetProperty("enabled", out var enabled) && enabled.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                result = result with { InlayHints = enabled.GetBoolean() };
            }
        }

        if (root.TryGetProperty("trace", out var trace))
        {
            var value = trace.ValueKind == JsonValueKind.String ? trace.GetString()
                : trace.ValueKind == JsonValueKind.Object && trace.TryGetProperty("server", out var server) && server.ValueKind == JsonValueKind.String ? server.GetString() : null;
            if (value is "off" or "messages" or "verbose")
            {
                result = result with { Trace = value };
            }
        }

        if (root.TryGetProperty("index", out var index))
        {
            result = result with { Index = ParseIndex(index, result.Index, problems) };
        }

        if (root.TryGetProperty("targetGpus", out var gpus))
        {
            var targets = ImmutableArray.CreateBuilder<GpuTarget>();
            foreach (var item in gpus.ValueKind == JsonValueKind.Array ? gpus.EnumerateArray() : Enumerable.Empty<JsonElement>())
            {
                var name = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
                if (GpuTarget.TryParse(name) is { } target)
                {
                    targets.Add(target);
                }
                else
                {
                    problems.Add($"cogLsp.targetGpus: {UnknownGpu(item.ValueKind == JsonValueKind.String ? name! : item.GetRawText())}");
                }
            }

            if (gpus.ValueKind != JsonValueKind.Array)
            {
                problems.Add("cogLsp.targetGpus: expected a list of GPU names, e.g. [\"H100\", \"sm_120\"]");
            }

            result = result with { TargetGpus = targets.ToImmutable() };
        }

        return result;
    }

    private static PackageIndexSettings ParseIndex(JsonElement index, PackageIndexSettings options, List<string> problems)
    {
        if (index.ValueKind != JsonValueKind.Object)
        {
            problems.Add("cogLsp.index: expected an object");
            return options;
        }

        if (index.TryGetProperty("enabled", out var enabled))
        {
            if (enabled.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                options = options with { Enabled = enabled.GetBoolean() };
            }
            else
            {
                problems.Add("cogLsp.index.enabled: expected true or false");
            }
        }

        if (index.TryGetProperty("url", out var url) && url.ValueKind != JsonValueKind.Null)
        {
            options = ParseUrl(url, "url", problems) is { } u ? options with { DefaultIndexUrl = u } : options;
        }

        if (index.TryGetProperty("pytorchUrl", out var pytorch) && pytorch.ValueKind != JsonValueKind.Null)
        {
            options = ParseUrl(pytorch, "pytorchUrl", problems) is { } u ? options with { PyTorchBaseUrl = u } : options;
        }

        return options;
    }

    /// <summary>An absolute http(s) URL, or null with a problem (empty means "the default": also null, no problem).</summary>
    private static string? ParseUrl(JsonElement value, string name, List<string> problems)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : null;
        if (text is "")
        {
            return null;
        }

        if (text is not null && IndexUrls.IsHttp(text))
        {
            return text;
        }

        problems.Add($"cogLsp.index.{name}: expected an http(s) URL");
        return null;
    }

    /// <summary>The one wording of an unknown GPU name, for the setting's log line and `check --gpu`.</summary>
    public static string UnknownGpu(string name) =>
        $"unknown GPU '{name}': use a name such as T4, A100, L40S, H100, B200 or RTX 4090, or a compute capability such as sm_90 or 9.0";

    public static (bool Ok, DiagnosticSeverity? Severity) ParseSeverity(string text) => text.Trim().ToLowerInvariant() switch
    {
        "error" => (true, DiagnosticSeverity.Error),
        "warning" => (true, DiagnosticSeverity.Warning),
        "information" or "info" => (true, DiagnosticSeverity.Information),
        "hint" => (true, DiagnosticSeverity.Hint),
        "off" or "none" => (true, null),
        _ => (false, null),
    };

    /// <summary>The options with these settings, the user's target GPUs (else the machine's) and the installed cog from <paramref name="machine"/>.</summary>
    public AnalysisOptions ApplyTo(AnalysisOptions options, MachineProbe machine) =>
        machine.ApplyTo(options with { SeverityOverrides = Severity, InlayHints = InlayHints, PackageIndex = Index }, TargetGpus);
}
