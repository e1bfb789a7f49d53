using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Tests.CogYaml;
using CogLsp.Syntax.CogYaml;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.CodeFixes;

/// <summary>Every action offered anywhere in odd files applies cleanly and leaves YAML that still reads.</summary>
public class CodeActionRobustnessTests
{
    // The flag says whether any action is expected: none where every fix would orphan an alias or guess.
    public static TheoryData<string, bool> OddFiles => new()
    {
        { "build:\n  python_packages:\n  - numpy\n  - &p scipy\n  pre_install: [*p]\n  run:\n  - echo\n", false },
        { "build:\n  <<: {gpu: true}\n  python_packages: [git+https://x/y]\n  pyhton_version: 3.10\npredict: p.py:P\nrun: r.py:R\n", true },
        { "build:\r\n  system_packages: []\r\n  python_packages:\r\n    - git+https://x/y\r\n  pre_install:\r\n    - a\r\n  python_version: 3.10", true },
        { "build:\n  python_packages:\n    - 'a'  # one\n    -\n    - ~\n  python_requirements:\n", false },
        { "? [complex]\n: key\nbuild: !!map\n  python_packages: !!seq [a]\n  gpu: yes\n", true },
        { "build:\n  python_packages:\n    - a\n---\nbuild:\n  python_packages:\n    - b\n", true },
        { "\uFEFFbuild:\n  pre_install:\n  - x\n  run: [y]\n  sytem_packages: []\n", true },
    };

    [Theory]
    [MemberData(nameof(OddFiles))]
    public void Every_offered_action_applies_cleanly(string text, bool offersActions)
    {
        var workspace = CodeFixFixture.CreateWorkspace(text, [("/p/requirements.txt", "numpy\r\n")]);
        var document = workspace.GetDocument(CogYamlFixture.CogYamlPath)!;
        var services = LanguageServices.CreateDefault();
        var service = new CodeActionService(services, new DiagnosticService(services));
        var actions = new List<CodeActionItem>(service.FixAllInFile(workspace, document, CancellationToken.None));
        for (var offset = 0; offset <= document.Text.Length; offset++)
        {
            actions.AddRange(service.GetActions(workspace, document, new TextSpan(offset, 0), CancellationToken.None));
        }

        Assert.Equal(offersActions, actions.Count > 0);
        foreach (var action in actions.DistinctBy(a => a.Title + a.Kind))
        {
            var result = WorkspaceEditApplier.Apply(workspace, action.ComputeEdit(CancellationToken.None), out var failure);
            Assert.True(result is not null, $"{action.Title}: {failure}");
            var after = result.Files.TryGetValue(CogYamlFixture.CogYamlPath, out var changed) ? changed.Text : document.Text;
            var reread = CogYamlDocument.Parse(after);
            Assert.True(reread.Errors.IsEmpty, $"{action.Title} broke the YAML:\n{after}");
        }
    }
}
