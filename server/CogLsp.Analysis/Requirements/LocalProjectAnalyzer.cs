using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;
using D = CogLsp.Analysis.Requirements.RequirementsDescriptors;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// REQ0003: a local project directory (`-e ./lib`, or a bare `./lib`) that is missing or holds no
/// setup.py / pyproject.toml. Whether pip accepts such a line depends on the disk, so the parser
/// leaves it to this analyzer.
/// </summary>
public sealed class LocalProjectAnalyzer : IDiagnosticAnalyzer
{
    public DocumentKind Kind => DocumentKind.Requirements;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [D.LocalProjectNotFound];

    public void Analyze(AnalysisContext context)
    {
        var tree = RequirementsDocument.GetSyntax(context.Document);
        foreach (var entry in tree.LinesWith(LineFlags.Location))
        {
            var index = entry.Index;
            var line = entry.Line;
            if (line.HasErrors || line.Requirement is not { Location: { } location } requirement || !line.EnvironmentVariables.IsEmpty)
            {
                continue;
            }

            var isDirectory = requirement.Form == RequirementForm.Path && !PipUrls.HasArchiveExtension(location.Text.TrimEnd('/'));
            var isEditablePath = requirement.IsEditable && PipUrls.GetScheme(location.Text) is null;
            if (!isDirectory && !isEditablePath)
            {
                continue;
            }

            var path = location.Text;
            if (path.EndsWith(']') && path.LastIndexOf('[') is > 0 and var bracket)
            {
                path = path[..bracket];
            }

            var directory = PathUtil.Resolve(context.Document.Directory, path);
            var span = tree.ToAbsolute(index, location.Span);
            if (!context.Workspace.FileSystem.DirectoryExists(directory))
            {
                context.Report(D.LocalProjectNotFound, span, $"'{path}' is not a directory (looked for {directory})");
            }
            else if (!context.Workspace.FileExists(directory + "/setup.py") && !context.Workspace.FileExists(directory + "/pyproject.toml"))
            {
                context.Report(D.LocalProjectNotFound, span, $"'{path}' holds neither setup.py nor pyproject.toml, so pip cannot install it");
            }
        }
    }
}
