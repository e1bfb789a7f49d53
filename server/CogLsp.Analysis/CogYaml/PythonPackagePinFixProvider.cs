using System.Collections.Immutable;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Cog;
using CogLsp.Analysis.Projects;
using CogLsp.Analysis.Requirements;
using CogLsp.Analysis.Workspace;

namespace CogLsp.Analysis.CogYaml;

/// <summary>
/// COG0721 (a python_packages item not pinned): the same pins as REQ0201 offers. The analyzer carries a
/// replacement range only when it maps exactly into the written string, and a pin (`==` and a PEP 440
/// version) is text that is valid unchanged in a plain, single-quoted or double-quoted scalar, so the
/// edit stays inside the quotes and keeps the YAML valid.
/// </summary>
public sealed class PythonPackagePinFixProvider(ICogConfigProvider configs) : ICodeFixProvider
{
    private readonly PinFixProvider _pins = new(configs);

    public ImmutableArray<string> FixableDiagnosticIds { get; } = [PythonPackageDiagnostics.NotPinnedId];

    public IEnumerable<CodeActionItem> GetFixes(CodeFixContext context) =>
        context.Document.Kind == DocumentKind.CogYaml ? _pins.GetFixes(context) : [];
}
