using System.Collections.Immutable;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Requirements;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.CogYaml.BuildRun;

/// <summary>
/// COG0821 (a build.run requirement argument not pinned): the same pins as REQ0201 offers. The analyzer
/// carries a replacement range only when it maps exactly through the shell word and the YAML scalar, and
/// `==` with a PEP 440 version is text that means the same unquoted or inside either kind of shell quote
/// and YAML scalar, so the edit keeps both the command and the YAML valid.
/// </summary>
public sealed class BuildRunPinFixProvider(ICogConfigProvider configs) : ICodeFixProvider
{
    private readonly PinFixProvider _pins = new(configs);

    public ImmutableArray<string> FixableDiagnosticIds { get; } = [BuildRunDiagnostics.NotPinnedId];

    public IEnumerable<CodeActionItem> GetFixes(CodeFixContext context) =>
        context.Document.Kind == DocumentKind.CogYaml ? _pins.GetFixes(context) : [];
}
