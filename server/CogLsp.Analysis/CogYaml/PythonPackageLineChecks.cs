using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Requirements;
using CogLsp.Syntax.Requirements;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// The requirements-file rules whose verdict on a line depends on that line alone (pip's syntax and
/// option rules, the pin rule), run on the lines of one item's text. They are called through their
/// line-local entry points (<see cref="PerLineDiagnostics.Analyze"/>), which need no document, no
/// workspace and no project, and remember their findings per line object. Spans in the result are
/// offsets into <paramref name="text"/>.
/// </summary>
internal static class PythonPackageLineChecks
{
    private static readonly PerLineDiagnostics[] LineRules = [RequirementsSyntaxAnalyzer.Lines, PinningAnalyzer.Lines];

    public static IReadOnlyList<Diagnostic> Run(string path, string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        // SourceText.From keeps a leading U+FEFF aside as a byte order mark; offsets then start after it.
        var shift = text[0] == '\uFEFF' ? 1 : 0;
        var tree = RequirementsSyntaxTree.Parse(SourceText.From(text));
        var diagnostics = new List<Diagnostic>();
        for (var i = 0; i < tree.Lines.Length; i++)
        {
            foreach (var rule in LineRules)
            {
                foreach (var finding in rule.Analyze(tree.Lines[i]))
                {
                    diagnostics.Add(finding.Place(path, tree.GetLineStart(i) + shift));
                }
            }
        }

        return diagnostics;
    }
}
