using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Syntax.Text;

namespace CogLsp.Server.Cli;

/// <summary>Writes `check` results as text, JSON (the shape SPEC.md fixes: LSP ranges, 0-based, UTF-16), SARIF 2.1.0 or GitHub workflow commands.</summary>
public static class DiagnosticFormatter
{
    public static string Format(string format, IReadOnlyList<CheckRunner.FileResult> results, string workingDirectory) => format switch
    {
        "json" => Json(results, workingDirectory),
        "sarif" => Sarif(results, workingDirectory),
        "github" => GitHub(results, workingDirectory),
        _ => Text(results, workingDirectory),
    };

    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Information => "information",
        _ => "hint",
    };

    /// <summary>The path as the user would write it: relative to the working directory when below it.</summary>
    public static string DisplayPath(string path, string workingDirectory)
    {
        var cwd = workingDirectory.Replace('\\', '/').TrimEnd('/');
        return path.StartsWith(cwd + "/", StringComparison.Ordinal) ? path[(cwd.Length + 1)..] : path;
    }

    private static IEnumerable<(string File, SourceText Text, Diagnostic Diagnostic)> All(IReadOnlyList<CheckRunner.FileResult> results, string cwd) =>
        results.SelectMany(r => r.Diagnostics.Select(d => (DisplayPath(r.Document.Path, cwd), r.Document.Text, d)));

    private static string Text(IReadOnlyList<CheckRunner.FileResult> results, string cwd)
    {
        var builder = new StringBuilder();
        var counts = new int[5];
        foreach (var (file, text, diagnostic) in All(results, cwd))
        {
            var start = text.GetLinePosition(diagnostic.Span.Start);
            builder.Append(file).Append(':').Append(start.Line + 1).Append(':').Append(start.Character + 1).Append(": ")
                .Append(SeverityName(diagnostic.Severity)).Append(' ').Append(diagnostic.Id).Append(": ").AppendLine(diagnostic.Message);
            counts[(int)diagnostic.Severity]++;
        }

        builder.Append(results.Count).Append(results.Count == 1 ? " file checked: " : " files checked: ")
            .Append(counts[1]).Append(" errors, ").Append(counts[2]).Append(" warnings, ").Append(counts[3]).Append(" information, ").Append(counts[4]).AppendLine(" hints");
        return builder.ToString();
    }

    private static JsonObject Range(SourceText text, TextSpan span)
    {
        var s = text.GetLinePosition(span.Start);
        var e = text.GetLinePosition(span.End);
        return new JsonObject
        {
            ["start"] = new JsonObject { ["line"] = s.Line, ["character"] = s.Character },
            ["end"] = new JsonObject { ["line"] = e.Line, ["character"] = e.Character },
        };
    }

    private static string Json(IReadOnlyList<CheckRunner.FileResult> results, string cwd)
    {
        var array = new JsonArray();
        foreach (var (file, text, diagnostic) in All(results, cwd))
        {
            array.Add((JsonNode)new JsonObject
            {
                ["file"] = file,
                ["range"] = Range(text, diagnostic.Span),
                ["severity"] = SeverityName(diagnostic.Severity),
                ["code"] = diagnostic.Id,
                ["message"] = diagnostic.Message,
            });
        }

        return array.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static string Sarif(IReadOnlyList<CheckRunner.FileResult> results, string cwd)
    {
        var rules = new JsonArray();
        foreach (var descriptor in results.SelectMany(r => r.Diagnostics).Select(d => d.Descriptor).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            rules.Add((JsonNode)new JsonObject
            {
                ["id"] = descriptor.Id,
                ["name"] = descriptor.Name,
                ["shortDescription"] = new JsonObject { ["text"] = descriptor.Title },
                ["helpUri"] = descriptor.HelpUri,
            });
        }

        var items = new JsonArray();
        foreach (var (file, text, diagnostic) in All(results, cwd))
        {
            var s = text.GetLinePosition(diagnostic.Span.Start);
            var e = text.GetLinePosition(diagnostic.Span.End);
            items.Add((JsonNode)new JsonObject
            {
                ["ruleId"] = diagnostic.Id,
                ["level"] = diagnostic.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "note" },
                ["message"] = new JsonObject { ["text"] = diagnostic.Message },
                ["locations"] = new JsonArray(new JsonObject
                {
                    ["physicalLocation"] = new JsonObject
                    {
                        ["artifactLocation"] = new JsonObject { ["uri"] = file },
                        ["region"] = new JsonObject { ["startLine"] = s.Line + 1, ["startColumn"] = s.Character + 1, ["endLine"] = e.Line + 1, ["endColumn"] = e.Character + 1 },
                    },
                }),
            });
        }

        var log = new JsonObject
        {
            ["version"] = "2.1.0",
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject { ["driver"] = new JsonObject { ["name"] = "cog-lsp", ["version"] = ServerVersion.Current, ["rules"] = rules } },
                ["results"] = items,
            }),
        };
        return log.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static string GitHub(IReadOnlyList<CheckRunner.FileResult> results, string cwd)
    {
        var builder = new StringBuilder();
        foreach (var (file, text, diagnostic) in All(results, cwd))
        {
            var s = text.GetLinePosition(diagnostic.Span.Start);
            var e = text.GetLinePosition(diagnostic.Span.End);
            var level = diagnostic.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "notice" };
            builder.Append("::").Append(level)
                .Append(" file=").Append(Escape(file, true))
                .Append(",line=").Append(s.Line + 1).Append(",col=").Append(s.Character + 1)
                .Append(",endLine=").Append(e.Line + 1).Append(",endColumn=").Append(e.Character + 1)
                .Append(",title=").Append(Escape(diagnostic.Id, true))
                .Append("::").AppendLine(Escape(diagnostic.Message, false));
        }

        return builder.ToString();
    }

    private static string Escape(string value, bool property)
    {
        var escaped = value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
        return property ? escaped.Replace(":", "%3A").Replace(",", "%2C") : escaped;
    }
}
