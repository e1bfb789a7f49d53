using System.Collections.Immutable;
using CogLsp.Analysis.CodeFixes;
using CogLsp.Analysis.Cog.Gpu;
using CogLsp.Analysis.Diagnostics;
using CogLsp.Analysis.Features;
using CogLsp.Analysis.Workspace;
using CogLsp.Syntax.Text;

namespace CogLsp.Analysis.Tests.Cog.Gpu;

/// <summary>
/// A project at /p with a cog.yaml and a requirements file, analysed with target GPUs (by name, as the
/// user writes them) and an installed cog. The document under test is given with `[|…|]` where the
/// rule's diagnostics are expected, `{|ID:…|}` for every other diagnostic, and `$0` for a cursor.
/// </summary>
internal static class GpuFixture
{
    public static AnalysisOptions Options(string[] gpus, string? installedCog = null) => AnalysisOptions.Default with
    {
        TargetGpus = [.. gpus.Select(g => GpuTarget.TryParse(g) ?? throw new ArgumentException("unknown GPU " + g))],
        InstalledCogVersion = installedCog,
    };

    public static TestWorkspace Workspace(AnalysisOptions options, string cogYaml, string? requirements, bool requirementsUnderTest) =>
        new TestWorkspace
        {
            Options = options,
            DocumentPath = requirementsUnderTest ? TestWorkspace.RequirementsPath : TestWorkspace.CogYamlPath,
        }.With(requirementsUnderTest ? [(TestWorkspace.CogYamlPath, cogYaml)] : requirements is null ? [] : [(TestWorkspace.RequirementsPath, requirements)]);

    /// <summary>Checks the diagnostics of <paramref name="marked"/> (the requirements file, or cog.yaml when <paramref name="cogYaml"/> is null).</summary>
    public static IReadOnlyList<Diagnostic> CheckDiagnostics(string[] gpus, string? cogYaml, string marked, string id, string? requirements = null, string? installedCog = null)
    {
        var fixture = Markup.Parse(marked);
        var underTestIsRequirements = cogYaml is not null;
        var all = Workspace(Options(gpus, installedCog), cogYaml ?? fixture.Text, requirements, underTestIsRequirements).Diagnostics(fixture.Text);
        var text = fixture.Text;
        string Describe(IEnumerable<Diagnostic> diagnostics) =>
            string.Join("\n", diagnostics.Select(d => $"{d.Id} {d.Span} '{text.Substring(d.Span.Start, d.Span.Length)}': {d.Message}"));
        var actual = all.Where(d => d.Id == id).OrderBy(d => d.Span.Start).ToList();
        Assert.True(fixture.Spans.SequenceEqual(actual.Select(d => d.Span)), $"Expected {id} at {string.Join(", ", fixture.Spans)}; got:\n{Describe(actual)}");
        var others = all.Where(d => d.Id != id).Select(d => (d.Id, d.Span)).OrderBy(d => d.Span.Start).ThenBy(d => d.Id, StringComparer.Ordinal);
        var declared = fixture.NamedSpans.OrderBy(n => n.Span.Start).ThenBy(n => n.Name, StringComparer.Ordinal);
        Assert.True(others.SequenceEqual(declared), $"Diagnostics of other rules differ from the {{|ID:…|}} marks; got:\n{Describe(all.Where(d => d.Id != id))}");
        return actual;
    }

    /// <summary>The hover at the `$0` cursor of the requirements file.</summary>
    public static string Hover(string[] gpus, string cogYaml, string marked, string? installedCog = null)
    {
        var (text, _, cursor) = Markup.Parse(marked);
        var context = Workspace(Options(gpus, installedCog), cogYaml, null, requirementsUnderTest: true).Context(text);
        var hover = LanguageServices.CreateDefault().HoverProviders.Where(p => p.Kind == DocumentKind.Requirements)
            .Select(p => p.GetHover(context, cursor)).FirstOrDefault(h => h is not null && h.Markdown.Contains("Cog installs", StringComparison.Ordinal));
        Assert.NotNull(hover);
        return hover.Markdown;
    }

    /// <summary>The quick fixes at the `$0` cursor of the requirements file, each with the texts of the files it changes.</summary>
    public static IReadOnlyList<(string Title, IReadOnlyDictionary<string, string> Files)> Fixes(string[] gpus, string cogYaml, string marked)
    {
        var (text, _, cursor) = Markup.Parse(marked);
        var (workspace, document) = Workspace(Options(gpus), cogYaml, null, requirementsUnderTest: true).Open(text);
        var services = LanguageServices.CreateDefault();
        var actions = new CodeActionService(services, new DiagnosticService(services)).GetActions(workspace, document, new TextSpan(cursor, 0), CancellationToken.None);
        return actions.Where(a => a.Kind == CodeActionItem.QuickFix).Select(a =>
        {
            var result = WorkspaceEditApplier.Apply(workspace, a.ComputeEdit(CancellationToken.None), out var failure);
            Assert.True(result is not null, failure);
            return (a.Title, (IReadOnlyDictionary<string, string>)result.Files.ToDictionary(f => f.Key, f => f.Value.Text.ToString()));
        }).ToList();
    }
}
