using System.Text;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.Requirements;

/// <summary>
/// Fixture helpers: markup with `[|…|]` for expected spans and `$0` for the cursor; the document is
/// /p/requirements.txt, opened in a snapshot over an in-memory disk that tests can add files to.
/// </summary>
internal sealed class RequirementsTestWorkspace
{
    public const string Path = "/p/requirements.txt";
    public const string CogYamlNamingIt = "build:\n  python_version: \"3.11\"\n  python_requirements: requirements.txt\n";

    public InMemoryFileSystem Disk { get; } = new();

    public RequirementsTestWorkspace With(string path, string text)
    {
        Disk.Add(path, text);
        return this;
    }

    public static (string Text, List<TextSpan> Spans, int Cursor) ParseMarkup(string markup)
    {
        var text = new StringBuilder();
        var spans = new List<TextSpan>();
        var open = new Stack<int>();
        var cursor = -1;
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup.AsSpan(i).StartsWith("[|"))
            {
                open.Push(text.Length);
                i++;
            }
            else if (markup.AsSpan(i).StartsWith("|]"))
            {
                var start = open.Pop();
                spans.Add(TextSpan.FromBounds(start, text.Length));
                i++;
            }
            else if (markup.AsSpan(i).StartsWith("$0"))
            {
                cursor = text.Length;
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }

        var result = text.ToString();
        if (result.StartsWith('\uFEFF'))
        {
            // SourceText keeps a byte order mark aside, so offsets count from after it.
            spans = spans.Select(s => new TextSpan(s.Start - 1, s.Length)).ToList();
            cursor = cursor < 0 ? cursor : cursor - 1;
        }

        return (result, spans.OrderBy(s => s.Start).ToList(), cursor);
    }

    public (WorkspaceSnapshot Snapshot, Document Document) Open(string text, string path = Path)
    {
        var snapshot = WorkspaceSnapshot.Create(Disk, ["/p"]).WithOpenDocument(path, SourceText.From(text), 1, DocumentKind.Requirements);
        return (snapshot, snapshot.GetDocument(path)!);
    }

    public IReadOnlyList<Diagnostic> Diagnostics(string text, string path = Path)
    {
        var (snapshot, document) = Open(text, path);
        return new DiagnosticService(LanguageServices.CreateDefault()).GetDiagnostics(snapshot, document);
    }

    public FeatureContext Context(string text)
    {
        var (snapshot, document) = Open(text);
        return new FeatureContext(snapshot, document, CancellationToken.None);
    }
}
