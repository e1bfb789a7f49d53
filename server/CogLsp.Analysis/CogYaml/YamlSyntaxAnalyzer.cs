using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CogLsp.Analysis.CogYaml;

/// <summary>COG0001: cog.yaml is not well-formed YAML. Reports the first error at its exact position.</summary>
public sealed class YamlSyntaxAnalyzer : IDiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor YamlSyntaxError = new(
        "COG0001", "yaml-syntax-error", "cog.yaml is not valid YAML",
        "YAML syntax error: {0}", DiagnosticSeverity.Error,
        "Cog reads cog.yaml with a YAML parser before anything else; a syntax error stops `cog build` and `cog predict` at once. The range marks where the parser gave up, which is often just after the real mistake (an unclosed quote, a tab used for indentation, a missing colon).",
        "build:\n  python_version: \"3.11\n  gpu: true",
        "build:\n  python_version: \"3.11\"\n  gpu: true",
        "Correct the YAML at the marked position. Indent with spaces, close every quote and bracket, and put `: ` between a key and its value.");

    public DocumentKind Kind => DocumentKind.CogYaml;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [YamlSyntaxError];

    public void Analyze(AnalysisContext context)
    {
        var error = FindFirstError(context.Document.Text);
        if (error is not null)
        {
            context.Report(YamlSyntaxError, error.Value.Span, error.Value.Message);
        }
    }

    /// <summary>The first syntax error YamlDotNet finds, with its span in UTF-16 offsets.</summary>
    public static (TextSpan Span, string Message)? FindFirstError(SourceText text)
    {
        try
        {
            var parser = new Parser(new StringReader(text.Text));
            while (parser.MoveNext())
            {
                if (parser.Current is StreamEnd)
                {
                    break;
                }
            }

            return null;
        }
        catch (YamlException e)
        {
            var start = ToOffset(text, e.Start);
            var end = Math.Max(start, ToOffset(text, e.End));
            if (end == start && start < text.Length && text[start] is not ('\r' or '\n'))
            {
                end = start + 1;
            }

            var message = e.InnerException is not null && e.Message.StartsWith("(Line:", StringComparison.Ordinal) ? e.InnerException.Message : e.Message;
            return (TextSpan.FromBounds(start, end), CleanMessage(message));
        }
    }

    /// <summary>YamlDotNet marks are 1-based lines and columns counted in UTF-16 units; LSP needs 0-based.</summary>
    internal static int ToOffset(SourceText text, Mark mark)
    {
        var line = (int)Math.Max(0, mark.Line - 1);
        var column = (int)Math.Max(0, mark.Column - 1);
        return text.GetOffset(new LinePosition(line, column));
    }

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes messages with "(Line: a, Col: b, Idx: c) - (Line: …): "; the range already says where.
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        return marker >= 0 && message.StartsWith("(Line:", StringComparison.Ordinal) ? message[(marker + 3)..] : message;
    }
}
