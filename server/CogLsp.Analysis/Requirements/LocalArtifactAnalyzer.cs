using System.Collections.Immutable;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Requirements;
using D = CogLsp.Analysis.Requirements.RequirementsDescriptors;

namespace CogLsp.Analysis.Requirements;

/// <summary>
/// Cog's rules for local packages in the requirements file a cog.yaml names (Cog commit 6110c912,
/// pkg/requirements/local_artifact.go and the artifact staging in pkg/config/config.go): a local package
/// is a bare relative or absolute path to a wheel or source archive (.whl, .zip, .tar.gz, .tgz, .tar.bz2,
/// .tar.xz) that exists and stays inside the project, with no options, extras or markers; `file:` URLs,
/// `name @ path`, and local `-r`/`-f` are refused. REQ0401–REQ0409.
/// </summary>
public sealed class LocalArtifactAnalyzer(ICogConfigProvider configs) : IDiagnosticAnalyzer
{
    private static readonly string[] CogArchiveSuffixes = [".whl", ".zip", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz"];

    public DocumentKind Kind => DocumentKind.Requirements;

    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [D.LocalFileUrl, D.LocalDirectReference, D.LocalArtifactOptions, D.LocalArtifactMarker, D.LocalArtifactExtras, D.UnsupportedLocalArtifact, D.LocalArtifactMissing, D.LocalArtifactOutside, D.LocalOption];

    public void Analyze(AnalysisContext context)
    {
        var root = configs.FindProjectDirectory(context.Workspace, context.Document);
        if (root is null)
        {
            return;
        }

        var tree = RequirementsDocument.GetSyntax(context.Document);
        // Only lines with a location or options can concern Cog's local-package rules.
        foreach (var entry in tree.LinesWith(LineFlags.Location | LineFlags.Options))
        {
            var i = entry.Index;
            var line = entry.Line;

            // Cog checks `name @ ./path` before pip ever runs, so it is reported even though pip rejects the URL too.
            if (line.Requirement is { Form: RequirementForm.Named, Location: { } direct } named && IsLocalPath(direct.Text))
            {
                context.Report(D.LocalDirectReference, tree.ToAbsolute(i, named.Span));
                continue;
            }

            if (line.HasErrors || line.Kind == RequirementsLineKind.Empty)
            {
                continue;
            }

            if (line.Requirement is null)
            {
                foreach (var option in line.Options)
                {
                    if ((option.Option == RequirementsOption.Requirement || option.Option == RequirementsOption.FindLinks) && option.Value is { } v && !IsRemote(v.Text))
                    {
                        context.Report(D.LocalOption, tree.ToAbsolute(i, option.Span), option.Name.Text);
                    }
                }

                continue;
            }

            var requirement = line.Requirement;
            if (requirement.Location is not { } location || requirement.IsEditable)
            {
                continue;
            }

            var locationSpan = tree.ToAbsolute(i, location.Span);
            if (location.Text.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                context.Report(D.LocalFileUrl, locationSpan, location.Text);
                continue;
            }

            if (requirement.Form != RequirementForm.Path)
            {
                continue;
            }

            var path = location.Text;
            if (ExtrasStart(path) is { } bracket)
            {
                context.Report(D.LocalArtifactExtras, new Syntax.Text.TextSpan(locationSpan.Start + bracket, path.Length - bracket));
                continue;
            }

            if (requirement.MarkerText is { } marker)
            {
                context.Report(D.LocalArtifactMarker, tree.ToAbsolute(i, marker.Span));
                continue;
            }

            if (!line.Options.IsEmpty)
            {
                context.Report(D.LocalArtifactOptions, tree.ToAbsolute(i, line.Options[0].Span));
                continue;
            }

            if (!CogArchiveSuffixes.Any(s => path.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
            {
                context.Report(D.UnsupportedLocalArtifact, locationSpan, path);
                continue;
            }

            var resolved = PathUtil.Resolve(context.Document.Directory, path);
            if (!PathUtil.IsUnder(resolved, root))
            {
                context.Report(D.LocalArtifactOutside, locationSpan, path, root);
            }
            else if (Cog.CogBuildStoppers.MissingLocalArtifact(context.Workspace, context.Document.Directory, path) is not null)
            {
                context.Report(D.LocalArtifactMissing, locationSpan, path, context.Workspace.FileSystem.DirectoryExists(resolved)
                    ? $"is a folder ({resolved}); Cog needs the archive file itself"
                    : $"does not exist (looked for {resolved})");
            }
        }
    }

    private static bool IsRemote(string value) => value.Contains("://", StringComparison.Ordinal) || value.StartsWith("git+", StringComparison.Ordinal);

    private static bool IsLocalPath(string value) => value.StartsWith('/') || value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith("../", StringComparison.Ordinal);

    private static int? ExtrasStart(string path)
    {
        if (!path.EndsWith(']'))
        {
            return null;
        }

        var i = path.LastIndexOf('[');
        return i > 0 ? i : null;
    }
}
