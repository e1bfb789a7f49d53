using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Tests.CogYaml;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.CodeFixes;

/// <summary>
/// Code action fixtures: a cog.yaml with `$0` where the user asks for actions (at /p/cog.yaml, open at
/// version 1), other files of the project on disk or open, and the texts expected after the action.
/// </summary>
internal static class CodeFixFixture
{
    public sealed record Outcome(CodeActionItem Action, WorkspaceEditModel Edit, IReadOnlyDictionary<string, (string Text, bool Created)> Files);

    public static WorkspaceSnapshot CreateWorkspace(string cogYaml, (string Path, string Text)[] disk, (string Path, string Text, int Version)[]? open = null)
    {
        var workspace = new TestWorkspace().With(disk);
        foreach (var (path, text, version) in open ?? [])
        {
            workspace.WithOpen(path, text, version);
        }

        return workspace.Open(cogYaml).Workspace;
    }

    /// <summary>The actions offered at the cursor, as the editor would get them.</summary>
    public static IReadOnlyList<CodeActionItem> ActionsAt(string marked, (string Path, string Text)[]? disk = null, (string Path, string Text, int Version)[]? open = null)
    {
        var (text, _, cursor) = Markup.Parse(marked);
        Assert.True(cursor >= 0, "The fixture needs a $0 cursor.");
        var workspace = CreateWorkspace(text, disk ?? [], open);
        var document = workspace.GetDocument(CogYamlFixture.CogYamlPath)!;
        var service = new CodeActionService(LanguageServices.CreateDefault(), new DiagnosticService(LanguageServices.CreateDefault()));
        return service.GetActions(workspace, document, new TextSpan(cursor, 0), CancellationToken.None);
    }

    /// <summary>Picks the action titled <paramref name="title"/> at the cursor and applies it.</summary>
    public static Outcome Run(string marked, string title, string kind = CodeActionItem.QuickFix, (string Path, string Text)[]? disk = null, (string Path, string Text, int Version)[]? open = null)
    {
        var actions = ActionsAt(marked, disk, open);
        var action = actions.FirstOrDefault(a => a.Title == title && a.Kind == kind);
        Assert.True(action is not null, $"No {kind} action '{title}'; offered:\n{string.Join("\n", actions.Select(a => $"{a.Kind}: {a.Title}"))}");
        var (text, _, _) = Markup.Parse(marked);
        return Apply(CreateWorkspace(text, disk ?? [], open), action, action.ComputeEdit(CancellationToken.None));
    }

    public static Outcome Apply(WorkspaceSnapshot workspace, CodeActionItem action, WorkspaceEditModel edit)
    {
        var result = WorkspaceEditApplier.Apply(workspace, edit, out var failure);
        Assert.True(result is not null, failure);
        return new Outcome(action, edit, result.Files.ToDictionary(f => f.Key, f => (f.Value.Text.ToString(), f.Value.Created)));
    }

    /// <summary>
    /// Applies the action and checks cog.yaml's text after it and, for each expected file, its text and
    /// whether it was created. Files not listed must not have been touched.
    /// </summary>
    public static Outcome CheckAction(string marked, string title, string expectedCogYaml, (string Path, string Text, bool Created)[]? expectedFiles = null, string kind = CodeActionItem.QuickFix, (string Path, string Text)[]? disk = null, (string Path, string Text, int Version)[]? open = null)
    {
        var outcome = Run(marked, title, kind, disk, open);
        var (original, _, _) = Markup.Parse(marked);
        var cogYaml = outcome.Files.TryGetValue(CogYamlFixture.CogYamlPath, out var changed) ? changed.Text : original;
        Assert.Equal(expectedCogYaml, cogYaml);
        var expected = expectedFiles ?? [];
        foreach (var (path, text, created) in expected)
        {
            Assert.True(outcome.Files.TryGetValue(path, out var actual), $"{path} was not changed");
            Assert.Equal(text, actual.Text);
            Assert.Equal(created, actual.Created);
        }

        var unexpected = outcome.Files.Keys.Where(p => p != CogYamlFixture.CogYamlPath && !expected.Any(e => e.Path == p)).ToList();
        Assert.True(unexpected.Count == 0, "Unexpected changes to " + string.Join(", ", unexpected));
        return outcome;
    }

    /// <summary>Checks that no action of the kind whose title starts with <paramref name="titlePrefix"/> is offered at the cursor.</summary>
    public static void CheckNoAction(string marked, string titlePrefix, (string Path, string Text)[]? disk = null)
    {
        var actions = ActionsAt(marked, disk);
        Assert.DoesNotContain(actions, a => a.Title.StartsWith(titlePrefix, StringComparison.Ordinal));
    }
}
