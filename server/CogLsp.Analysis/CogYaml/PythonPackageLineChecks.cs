using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Requirements;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// The requirements-file checks whose verdict on a line depends on that line alone (pip's syntax and
/// option rules, the pin rule), run on one text as if it were a requirements file of its own. They are
/// called through their public entry point, on a document that exists only for this call, so how they
/// organise their work (memos, line flags) stays their business. Spans in the result are offsets into
/// <paramref name="text"/>.
/// </summary>
internal static class PythonPackageLineChecks
{
    private static readonly IDiagnosticAnalyzer[] LineAnalyzers = [new RequirementsSyntaxAnalyzer(), new PinningAnalyzer()];

    public static IReadOnlyList<Diagnostic> Run(WorkspaceSnapshot workspace, string path, string text, CancellationToken cancellationToken)
    {
        if (text.Length == 0)
        {
            return [];
        }

        // SourceText.From keeps a leading U+FEFF aside as a byte order mark; offsets then start after it.
        var shift = text[0] == '\uFEFF' ? 1 : 0;
        var document = new Document(path, SourceText.From(text), DocumentKind.Requirements, null);
        var context = new AnalysisContext(workspace, document, cancellationToken);
        foreach (var analyzer in LineAnalyzers)
        {
            analyzer.Analyze(context);
        }

        return shift == 0 ? context.Diagnostics : context.Diagnostics.Select(d => Shift(d, shift)).ToList();
    }

    private static Diagnostic Shift(Diagnostic diagnostic, int shift)
    {
        var shifted = diagnostic with { Span = new TextSpan(diagnostic.Span.Start + shift, diagnostic.Span.Length) };
        return diagnostic.Data is PinFixData pin
            ? shifted with { Data = pin with { Replace = new TextSpan(pin.Replace.Start + shift, pin.Replace.Length) } }
            : shifted;
    }
}
